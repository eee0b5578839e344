import type { Metadata } from "next";
import { PaperList } from "@/components/paper-list";
import { SubscribeBanner } from "@/components/subscribe-banner";
import { toIsoDate } from "@/lib/dates";
import { formatDay } from "@/lib/periods";
import { GRAVITY, TRENDING_DAYS } from "@/lib/ranking";
import { getCachedTrendingPapers } from "@/server/papers/cache";

export const metadata: Metadata = {
  title: "Trending papers",
  alternates: {
    types: {
      "application/rss+xml": [{ url: "/papers/trending/feed.xml", title: "Trending papers (RSS)" }],
      "application/feed+json": [{ url: "/papers/trending/feed.json", title: "Trending papers (JSON Feed)" }],
    },
  },
};

export default async function TrendingPage() {
  const { papers, windowEnd } = await getCachedTrendingPapers(50);
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
        <PaperList papers={papers} showRank />
      ) : (
        <p className="rounded-xl border border-dashed border-gray-300 px-6 py-12 text-center text-gray-600 dark:border-gray-700 dark:text-gray-400">
          No papers yet.
        </p>
      )}
    </div>
  );
}
