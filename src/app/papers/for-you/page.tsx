import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/filter-bar";
import { FilterErrorNotice } from "@/components/filter-notices";
import { FollowButtons } from "@/components/follow-buttons";
import { PaperList } from "@/components/paper-list";
import { followReason } from "@/lib/follows";
import { describeFilter, isFiltered, listFilterOf } from "@/lib/list-filter";
import { TRENDING_DAYS } from "@/lib/ranking";
import type { SearchParams } from "@/lib/search-params";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getForYouPapers, listFollows, suggestedOrganizations } from "@/server/follows/follows";

export const metadata: Metadata = { title: "For you" };

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

export default async function ForYouPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">For you</h1>
        <p className="text-gray-700 dark:text-gray-300">
          Follow organizations, authors and topics, and this page collects their papers of the last {TRENDING_DAYS} days, most trending
          first, each saying why it is here.{" "}
          <Link href="/auth/signin?callbackUrl=%2Fpapers%2Ffor-you" className={linkClass}>
            Sign in
          </Link>{" "}
          to start.
        </p>
      </div>
    );
  }
  const now = new Date();
  const { filter, error } = listFilterOf(await searchParams);
  const [follows, papers] = await Promise.all([listFollows(db, user.id), getForYouPapers(db, user.id, now, filter)]);
  const suggestions = follows.some((follow) => !follow.muted) ? [] : await suggestedOrganizations(db, now);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">For you</h1>
        <p className="text-sm text-gray-500 dark:text-gray-400">
          Papers of the last {TRENDING_DAYS} days from what you follow{isFiltered(filter) && `, only those ${describeFilter(filter)}`}, most
          trending first.{" "}
          <Link href="/me#follows" className="underline">
            Manage what you follow
          </Link>
        </p>
      </header>
      <FilterBar filter={filter} path="/papers/for-you" signedIn />
      {error && <FilterErrorNotice error={error} />}
      {suggestions.length > 0 && (
        <section
          aria-labelledby="suggestions-heading"
          className="rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900"
        >
          <h2 id="suggestions-heading" className="font-semibold">
            You follow nothing yet. Organizations trending this week:
          </h2>
          <ul className="mt-3 flex flex-col gap-2">
            {suggestions.map((organization) => (
              <li key={organization.name} className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/orgs/${encodeURIComponent(organization.name)}`} className={linkClass}>
                  {organization.fullName}
                </Link>
                <FollowButtons kind="ORGANIZATION" value={organization.name} current={null} signedIn />
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-gray-600 dark:text-gray-400">
            Or search for a topic and press “Follow this search”, or follow an author or an arXiv category from its page.
          </p>
        </section>
      )}
      {papers.length === 0 ? (
        suggestions.length === 0 && (
          <p className="text-gray-600 dark:text-gray-400">
            Nothing from what you follow in the last {TRENDING_DAYS} days{isFiltered(filter) && " that matches the filters"}.
          </p>
        )
      ) : (
        <PaperList
          papers={papers.map((item) => item.paper)}
          reasons={new Map(papers.map(({ paper, reason }) => [paper.id, followReason(reason.kind, reason.value)]))}
        />
      )}
    </div>
  );
}
