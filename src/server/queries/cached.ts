import "server-only";
import { unstable_cache } from "next/cache";
import type { FeedSort } from "@/lib/feed-sort";
import { parsePeriod, type PeriodKind } from "@/lib/periods";
import { db } from "@/server/db";
import { papersVersion } from "@/server/papers-version";
import { getLatestFeedDate, getOrganizationPapers, getPaperById, getPeriodFeed, getRecentPapers, getTrendingPapers } from "./feed";
import { searchPapers } from "./search";

/** Tag on every cached paper query; votes revalidate it. */
export const PAPERS_TAG = "papers";
// Trending scores age with the clock, so cached rankings are refreshed every few minutes anyway.
const options = { tags: [PAPERS_TAG], revalidate: 300 };

/**
 * Caches a paper query under its arguments plus the papers version, which imports in other
 * processes advance (see papers-version.ts); votes in this process revalidate the tag.
 */
function cachedPaperQuery<Args extends unknown[], Result>(name: string, query: (...args: Args) => Promise<Result>) {
  const cached = unstable_cache((_version: number, ...args: Args) => query(...args), [name], options);
  return (...args: Args) => cached(papersVersion(), ...args);
}

export const getCachedLatestFeedDate = cachedPaperQuery("latest-feed-date", () => getLatestFeedDate(db));

export const getCachedPeriodFeed = cachedPaperQuery("period-feed", (kind: PeriodKind, key: string, sort: FeedSort) =>
  getPeriodFeed(db, parsePeriod(kind, key)!, sort, new Date()),
);

export const getCachedTrendingPapers = cachedPaperQuery("trending", (limit: number) => getTrendingPapers(db, new Date(), limit));

export const getCachedPaper = cachedPaperQuery("paper", (id: string) => getPaperById(db, id));

export const getCachedOrganizationPapers = cachedPaperQuery("organization", (name: string) => getOrganizationPapers(db, name));

export const getCachedSearch = cachedPaperQuery("search", (query: string) => searchPapers(db, query));

export const getCachedRecentPapers = cachedPaperQuery("recent", () => getRecentPapers(db));
