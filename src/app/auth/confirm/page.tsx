import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { siteUrl } from "@/env";
import { safeCallbackUrl } from "@/lib/callback-url";
import { firstParam, type SearchParams } from "@/lib/search-params";

// The token is in this page's URL: keep it out of Referer headers sent to other sites and out of
// search engines. ("no-referrer" would also make the button's POST carry `Origin: null`.)
export const metadata: Metadata = { title: "Confirm sign-in", referrer: "same-origin", robots: { index: false } };

/**
 * Where emailed links land. Opening it changes nothing, so mail scanners that follow links cannot
 * use up the token; the button's POST to next-auth's callback completes the sign-in.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = firstParam(params.token);
  const email = firstParam(params.email);
  if (!token || !email) {
    return (
      <AuthCard title="This link is incomplete">
        <p>Copy the whole link from the email into the address bar, or request a new one.</p>
        <Link href="/auth/signin" className="mt-4 inline-block font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Request a new sign-in link
        </Link>
      </AuthCard>
    );
  }
  const callback = new URLSearchParams({ callbackUrl: safeCallbackUrl(firstParam(params.callbackUrl), siteUrl), token, email });
  return (
    <AuthCard title="Confirm sign-in">
      <p>
        Sign in to Daily Papers as <strong className="break-all text-gray-900 dark:text-gray-100">{email}</strong>?
      </p>
      <form method="post" action={`/api/auth/callback/email?${callback}`} className="mt-5">
        <button type="submit" autoFocus className={buttonClasses({ className: "w-full" })}>
          Sign in
        </button>
      </form>
      <p className="mt-3 text-sm text-gray-500 dark:text-gray-400">
        Didn&apos;t ask to sign in? Close this page; nothing happens without the click.
      </p>
    </AuthCard>
  );
}
