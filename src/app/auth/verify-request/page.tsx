import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { env } from "@/env";
import { emailAddressSchema } from "@/lib/email-address";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { usesDevMailbox } from "@/server/email/default-mailer";

export const metadata: Metadata = { title: "Check your inbox" };

export default async function VerifyRequestPage({ searchParams }: { searchParams: SearchParams }) {
  const email = emailAddressSchema.safeParse(firstParam((await searchParams).email));
  const showMailbox = usesDevMailbox && env.NODE_ENV !== "production";
  return (
    <AuthCard title="Check your inbox">
      <p>
        We sent a sign-in link to{" "}
        {email.success ? <strong className="text-gray-900 dark:text-gray-100">{email.data}</strong> : "your email address"}. Open it on this
        device to finish signing in.
      </p>
      <p className="mt-3 text-sm text-gray-500 dark:text-gray-400">
        The link works once and expires in {env.EMAIL_LINK_TTL_HOURS === 1 ? "1 hour" : `${env.EMAIL_LINK_TTL_HOURS} hours`}. Nothing
        arrived? Check your spam folder, or{" "}
        <Link href="/auth/signin" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          request a new link
        </Link>
        .
      </p>
      {showMailbox && (
        <p className="mt-4 rounded-lg bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:bg-indigo-500/10 dark:text-indigo-200">
          No mail server is configured, so the email is in the{" "}
          <Link href="/dev/mailbox" className="font-semibold underline">
            local dev mailbox
          </Link>
          .
        </p>
      )}
    </AuthCard>
  );
}
