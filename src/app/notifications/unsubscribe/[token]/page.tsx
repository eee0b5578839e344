import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { notificationKindQuery, notificationKindSchema, type NotificationKind } from "@/lib/notifications";
import { firstParam, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Comment emails", robots: { index: false } };

const WORDING: Record<NotificationKind, { name: string; what: string; stopped: string }> = {
  reply: {
    name: "Reply emails",
    what: "You get an email when someone replies to one of your comments (at most one per thread an hour).",
    stopped: "You will not get emails about replies to your comments any more.",
  },
  author: {
    name: "Author emails",
    what: "As a verified author of a paper, you get an email when someone starts a new thread in its discussion (one per thread).",
    stopped: "You will not get emails about new threads on your papers any more.",
  },
};

/** Where the link in a reply or author email leads a person: one button, so link scanners change nothing. */
export default async function NotificationUnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: SearchParams;
}) {
  const { token } = await params;
  const query = await searchParams;
  const done = firstParam(query.done) === "1";
  const kind = notificationKindSchema.catch("reply").parse(firstParam(query.kind) ?? "reply");
  const wording = WORDING[kind];
  return (
    <AuthCard title={done ? `${wording.name} are off` : `Stop ${wording.name.toLowerCase()}?`}>
      {done ? (
        <p role="status">
          {wording.stopped} Switch them back on at{" "}
          <Link href="/me" className="underline">
            /me
          </Link>
          .
        </p>
      ) : (
        <form action={`/api/notifications/unsubscribe/${encodeURIComponent(token)}${notificationKindQuery(kind)}`} method="post">
          <input type="hidden" name="from" value="page" />
          <p>{wording.what}</p>
          <button type="submit" className={buttonClasses({ className: "mt-5" })}>
            Stop {wording.name.toLowerCase()}
          </button>
        </form>
      )}
    </AuthCard>
  );
}
