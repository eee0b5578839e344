import type { Metadata } from "next";
import { ListPager } from "@/components/list-pager";
import { PaperList } from "@/components/paper-list";
import { SubscribeBanner } from "@/components/subscribe-banner";
import { toIsoDate } from "@/lib/dates";
import { formatDay } from "@/lib/periods";
import { GRAVITY, TRENDING_DAYS } from "@/lib/ranking";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { getCachedTrendingPapers } from "@/server/papers/cache";
import { cursorParam, listHref } from "@/server/papers/list-pages";

export const metadata: Metadata = {
  title: "Trending papers",
  alternates: {
    types: {
      "application/rss+xml": [{ url: "/papers/trending/feed.xml", title: "Trending papers (RSS)" }],
      "application/feed+json": [{ url: "/papers/trending/feed.json", title: "Trending papers (JSON Feed)" }],
    },
  },
};

export default async function TrendingPage({ searchParams }: { searchParams: SearchParams }) {
  const { papers, windowEnd, total, offset, nextCursor } = await getCachedTrendingPapers(
    cursorParam(firstParam((await searchParams).cursor)),
  );
  const stale = windowEnd !== null && windowEnd < toIsoDate(new Date());
  return (
    <div className="flex flex-col gap-6">
      <SubscribeBanner />
      <header>
        <h1 className="text-2xl font-bold">Trending papers</h1>
        <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">
          Papers added in the last {TRENDING_DAYS} days, ranked by upvotes with a time decay: (upvotes + 1) / (hours since added + 2)
          <sup>{GRAVITY}</sup>.
          {stale && windowEnd && ` No papers were added recently, so this shows the ${TRENDING_DAYS} days up to ${formatDay(windowEnd)}.`}
        </p>
      </header>
      {papers.length > 0 ? (
        <>
          <PaperList papers={papers} showRank startAt={offset + 1} />
          <ListPager
            offset={offset}
            count={papers.length}
            total={total}
            nextHref={nextCursor && listHref("/papers/trending", { cursor: nextCursor })}
            firstHref="/papers/trending"
          />
        </>
      ) : (
        <p className="rounded-xl border border-dashed border-gray-300 px-6 py-12 text-center text-gray-600 dark:border-gray-700 dark:text-gray-400">
          No papers yet.
        </p>
      )}
    </div>
  );
}
