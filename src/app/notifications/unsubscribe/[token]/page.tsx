import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { firstParam, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Reply emails", robots: { index: false } };

/** Where the link in a reply email leads a person: one button, so link scanners change nothing. */
export default async function ReplyUnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: SearchParams;
}) {
  const { token } = await params;
  const done = firstParam((await searchParams).done) === "1";
  return (
    <AuthCard title={done ? "Reply emails are off" : "Stop reply emails?"}>
      {done ? (
        <p role="status">
          You will not get emails about replies to your comments any more. Switch them back on at{" "}
          <Link href="/me" className="underline">
            /me
          </Link>
          .
        </p>
      ) : (
        <form action={`/api/notifications/unsubscribe/${encodeURIComponent(token)}`} method="post">
          <input type="hidden" name="from" value="page" />
          <p>You get an email when someone replies to one of your comments (at most one per thread an hour).</p>
          <button type="submit" className={buttonClasses({ className: "mt-5" })}>
            Stop reply emails
          </button>
        </form>
      )}
    </AuthCard>
  );
}
