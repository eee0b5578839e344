import "server-only";
import { unstable_cache } from "next/cache";
import type { FeedSort } from "@/lib/feed-sort";
import { parsePeriod, type PeriodKind } from "@/lib/periods";
import { db } from "@/server/db";
import { getLatestFeedDate, getOrganizationPapers, getPaperById, getPeriodFeed, getRecentPapers, getTrendingPapers } from "./feed";
import { searchPapers } from "./search";

/** Tag on every cached paper query; imports and votes revalidate it. */
export const PAPERS_TAG = "papers";
// Trending scores age with the clock, so cached rankings are refreshed every few minutes anyway.
const options = { tags: [PAPERS_TAG], revalidate: 300 };

export const getCachedLatestFeedDate = unstable_cache(() => getLatestFeedDate(db), ["latest-feed-date"], options);

export const getCachedPeriodFeed = unstable_cache(
  (kind: PeriodKind, key: string, sort: FeedSort) => getPeriodFeed(db, parsePeriod(kind, key)!, sort, new Date()),
  ["period-feed"],
  options,
);

export const getCachedTrendingPapers = unstable_cache((limit: number) => getTrendingPapers(db, new Date(), limit), ["trending"], options);

export const getCachedPaper = unstable_cache((id: string) => getPaperById(db, id), ["paper"], options);

export const getCachedOrganizationPapers = unstable_cache((name: string) => getOrganizationPapers(db, name), ["organization"], options);

export const getCachedSearch = unstable_cache((query: string) => searchPapers(db, query), ["search"], options);

export const getCachedRecentPapers = unstable_cache(() => getRecentPapers(db), ["recent"], options);
