import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionList } from "@/components/groups/session-list";
import { NOT_FOUND_TITLES } from "@/components/not-found-titles";
import { buttonClasses } from "@/components/ui/button";
import { pastSessionsParamsSchema } from "@/lib/groups/list-params";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { db } from "@/server/db";
import { loadGroupPage } from "@/server/groups/group-page";
import { listPastSessions } from "@/server/groups/sessions";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { group } = await loadGroupPage((await params).slug);
  if (!group) return { title: NOT_FOUND_TITLES.group };
  return { title: `What ${group.name} read`, robots: group.visibility === "INVITE" ? { index: false } : undefined };
}

export default async function PastSessionsPage({ params, searchParams }: Props) {
  const { group } = await loadGroupPage((await params).slug);
  if (!group) notFound();
  const parsed = pastSessionsParamsSchema.safeParse({ page: firstParam((await searchParams).page) });
  const page = parsed.success ? parsed.data.page : 1;
  const { sessions, hasMore } = await listPastSessions(db, group.id, new Date(), page);
  const pageHref = (n: number) => `/groups/${group.slug}/past${n > 1 ? `?page=${n}` : ""}`;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href={`/groups/${group.slug}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
            {group.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">What we read</h1>
        <p className="text-gray-600 dark:text-gray-400">The group’s sessions so far, newest first, with their papers.</p>
      </header>
      {!parsed.success && (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          There is no such page of sessions, so this is the first.
        </p>
      )}
      {sessions.length === 0 ? (
        <p className="text-gray-600 dark:text-gray-400">
          {page > 1 ? "No more sessions." : "No sessions yet: the first one will show here once it has started."}
        </p>
      ) : (
        <SessionList slug={group.slug} sessions={sessions} label="Past sessions" />
      )}
      {(page > 1 || hasMore) && (
        <nav aria-label="More sessions" className="flex gap-2 text-sm">
          {page > 1 && (
            <Link href={pageHref(page - 1)} rel="prev" className={buttonClasses({ tone: "secondary", size: "sm" })}>
              Newer sessions
            </Link>
          )}
          {hasMore && (
            <Link href={pageHref(page + 1)} rel="next" className={buttonClasses({ tone: "secondary", size: "sm" })}>
              Older sessions
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
