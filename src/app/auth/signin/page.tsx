import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { siteUrl } from "@/env";
import { authErrorMessage } from "@/lib/auth-errors";
import { safeCallbackPath } from "@/lib/callback-url";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { githubSignInEnabled } from "@/server/auth/auth";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(firstParam(params.callbackUrl), siteUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = firstParam(params.error);
  return (
    <AuthCard title="Sign in">
      <p className="mb-5">Sign in to upvote papers and submit new ones. We&apos;ll email you a link; no password needed.</p>
      {error && (
        <p role="alert" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
          {authErrorMessage(error)}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} githubEnabled={githubSignInEnabled} />
    </AuthCard>
  );
}
