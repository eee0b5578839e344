import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { env } from "@/env";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { db } from "@/server/db";
import { readReminderUnsubscribeToken } from "@/server/groups/reminder-token";

export const metadata: Metadata = { title: "Session reminders", robots: { index: false } };

/** Where the link in a reminder email leads a person: one button, so link scanners change nothing. */
export default async function ReminderUnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: SearchParams;
}) {
  const { token } = await params;
  const done = firstParam((await searchParams).done) === "1";
  const membership = env.NEXTAUTH_SECRET ? readReminderUnsubscribeToken(env.NEXTAUTH_SECRET, token) : null;
  const group = membership
    ? await db.readingGroup.findUnique({ where: { id: membership.groupId }, select: { name: true, slug: true } })
    : null;
  if (!group) {
    return (
      <AuthCard title="This link does not work">
        <p>It is not a reminder link of a group here (any more). You can switch reminders off on the group’s page.</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={done ? "Reminders are off" : `Stop reminders from ${group.name}?`}>
      {done ? (
        <p role="status">
          You will not get session reminders from {group.name} any more. Switch them back on at{" "}
          <Link href={`/groups/${group.slug}`} className="underline">
            the group’s page
          </Link>
          .
        </p>
      ) : (
        <form action={`/api/groups/reminders/unsubscribe/${encodeURIComponent(token)}`} method="post">
          <input type="hidden" name="from" value="page" />
          <p>You get an email the day before each of this group’s sessions, with its papers and questions.</p>
          <button type="submit" className={buttonClasses({ className: "mt-5" })}>
            Stop reminders
          </button>
        </form>
      )}
    </AuthCard>
  );
}
