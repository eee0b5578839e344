import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/filter-bar";
import { FilterErrorNotice } from "@/components/filter-notices";
import { FollowButtons } from "@/components/follow-buttons";
import { ForYouReasonLine } from "@/components/for-you-reason";
import { PaperList } from "@/components/paper-list";
import { describeFilter, isFiltered, listFilterOf } from "@/lib/list-filter";
import { countOf } from "@/lib/plural";
import { TRENDING_DAYS } from "@/lib/ranking";
import { MIN_POSITIVES } from "@/lib/recs/reader-training";
import type { SearchParams } from "@/lib/search-params";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { listFollows, suggestedOrganizations } from "@/server/follows/follows";
import { getReaderForYou, type ReaderForYou } from "@/server/recs/reader-for-you";

export const metadata: Metadata = { title: "For you" };

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

export default async function ForYouPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">For you</h1>
        <p className="text-gray-700 dark:text-gray-300">
          Save and upvote papers, and this page learns what you read: the last {TRENDING_DAYS} days ranked for you, each paper saying why it
          is here. Follow organizations, authors, categories and topics to start it off.{" "}
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
  const [follows, forYou] = await Promise.all([listFollows(db, user.id), getReaderForYou(db, user.id, now, filter)]);
  const suggestions = forYou.mode === "starter" && !follows.some((follow) => !follow.muted) ? await suggestedOrganizations(db, now) : [];
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">For you</h1>
        <ForYouSummary forYou={forYou} filterText={isFiltered(filter) ? describeFilter(filter) : null} />
        <p className="text-sm">
          <Link href="/me#for-you" className="underline">
            What For you has learned
          </Link>{" "}
          ·{" "}
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
      {forYou.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 px-6 py-12 text-center text-gray-600 dark:border-gray-700 dark:text-gray-400">
          {isFiltered(filter)
            ? "No paper of these days matches the filters."
            : "You have read every paper of these days that For you would show. New papers arrive with the next sync."}
        </p>
      ) : (
        <PaperList
          papers={forYou.items.map((item) => item.paper)}
          reasons={
            new Map(
              forYou.items.map(({ paper, reason }) => [
                paper.id,
                <ForYouReasonLine key={paper.id} paperId={paper.id} title={paper.title} reason={reason} />,
              ]),
            )
          }
        />
      )}
    </div>
  );
}

/** What this page is ranked by, in a sentence or two. */
function ForYouSummary({ forYou, filterText }: { forYou: ReaderForYou; filterText: string | null }) {
  const only = filterText ? `, only those ${filterText}` : "";
  if (forYou.mode === "learned") {
    return (
      <p data-testid="for-you-mode" data-mode="learned" className="text-sm text-gray-600 dark:text-gray-400">
        Papers of the last {forYou.days} days you have not read{only}, ranked by what you saved and upvoted (
        {countOf(forYou.positives, "paper", "papers")}), newer first among close matches.
        {forYou.days > TRENDING_DAYS && ` This week had too few papers left for you, so this looks back ${forYou.days} days.`}
        {forYou.paused && " Learning is paused: the ranking stays as it was."}
      </p>
    );
  }
  const needed = MIN_POSITIVES - forYou.positives;
  return (
    <p data-testid="for-you-mode" data-mode="starter" className="text-sm text-gray-600 dark:text-gray-400">
      Papers of the last {TRENDING_DAYS} days from what you follow{only}, then the week’s trending. Save or upvote{" "}
      {countOf(needed, "more paper", "more papers")} and this page ranks papers by what you keep.
    </p>
  );
}
