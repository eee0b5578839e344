import type { Metadata } from "next";
import Link from "next/link";
import { GroupList } from "@/components/groups/group-list";
import { buttonClasses } from "@/components/ui/button";
import { GROUP_SORTS, groupListParamsSchema, type GroupSort } from "@/lib/groups/list-params";
import type { SearchParams } from "@/lib/search-params";
import { firstParam } from "@/lib/search-params";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { listMyGroups, listPublicGroups } from "@/server/groups/group-lists";

export const metadata: Metadata = {
  title: "Reading groups",
  description: "Journal clubs that read papers together: sessions, agendas, questions and calendars.",
};

const SORT_LABELS: Record<GroupSort, string> = { newest: "Newest", members: "Most members" };

const pageHref = (sort: GroupSort, page: number) => {
  const query = new URLSearchParams({ ...(sort === "newest" ? {} : { sort }), ...(page > 1 ? { page: String(page) } : {}) }).toString();
  return query ? `/groups?${query}` : "/groups";
};

export default async function GroupsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const parsed = groupListParamsSchema.safeParse({ sort: firstParam(query.sort), page: firstParam(query.page) });
  const { sort, page } = parsed.success ? parsed.data : { sort: "newest" as const, page: 1 };
  const user = await getCurrentUser();
  const now = new Date();
  const [{ groups, hasMore }, mine] = await Promise.all([
    listPublicGroups(db, { sort, page, now }),
    user ? listMyGroups(db, user.id, now) : [],
  ]);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-2xl">
          <h1 className="text-2xl font-bold">Reading groups</h1>
          <p className="mt-1 text-gray-600 dark:text-gray-400">
            Journal clubs that meet to read papers together: each session has an agenda, questions members add and upvote beforehand, a
            reminder the day before and a calendar feed.
          </p>
        </div>
        {user ? (
          <Link href="/groups/new" className={buttonClasses()}>
            Create a group
          </Link>
        ) : (
          <Link href="/auth/signin?callbackUrl=%2Fgroups" className={buttonClasses({ tone: "secondary" })}>
            Sign in to create or join a group
          </Link>
        )}
      </header>

      {!parsed.success && (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          That address asked for a page or order we do not have, so this is the first page, newest first.
        </p>
      )}

      {mine.length > 0 && (
        <section aria-labelledby="your-groups" className="flex flex-col gap-3">
          <h2 id="your-groups" className="text-lg font-semibold">
            Your groups
          </h2>
          <GroupList groups={mine} label="Your groups" roles={new Map(mine.map((group) => [group.slug, group.role]))} />
        </section>
      )}

      <section aria-labelledby="public-groups" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="public-groups" className="text-lg font-semibold">
            Public groups
          </h2>
          <nav aria-label="Order of the groups" className="flex gap-2 text-sm">
            {GROUP_SORTS.map((option) => (
              <Link
                key={option}
                href={pageHref(option, 1)}
                aria-current={option === sort ? "page" : undefined}
                className="rounded-md px-2 py-1 font-medium text-gray-700 hover:bg-gray-100 aria-[current=page]:bg-gray-900 aria-[current=page]:text-white dark:text-gray-300 dark:hover:bg-gray-800 dark:aria-[current=page]:bg-gray-100 dark:aria-[current=page]:text-gray-900"
              >
                {SORT_LABELS[option]}
              </Link>
            ))}
          </nav>
        </div>
        {groups.length === 0 ? (
          <p className="text-gray-600 dark:text-gray-400">
            {page > 1 ? "No more groups." : "No public groups yet."}{" "}
            {user ? (
              <Link href="/groups/new" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                Start the first one
              </Link>
            ) : null}
          </p>
        ) : (
          <GroupList groups={groups} label="Public groups" />
        )}
        {(page > 1 || hasMore) && (
          <nav aria-label="More groups" className="flex gap-2 text-sm">
            {page > 1 && (
              <Link href={pageHref(sort, page - 1)} rel="prev" className={buttonClasses({ tone: "secondary", size: "sm" })}>
                Previous page
              </Link>
            )}
            {hasMore && (
              <Link href={pageHref(sort, page + 1)} rel="next" className={buttonClasses({ tone: "secondary", size: "sm" })}>
                Next page
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
