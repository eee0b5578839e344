import "server-only";
import { unstable_cache } from "next/cache";
import type { FeedSort } from "@/lib/feed-sort";
import type { ListFilter } from "@/lib/list-filter";
import type { PaperScope } from "@/lib/paper-scope";
import { parsePeriod, type PeriodKind } from "@/lib/periods";
import { onPapersChanged } from "@/server/changes/listener";
import { PAPERS_TAG } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import { getAuthorPapers } from "@/server/papers/authors";
import {
  getLatestFeedDate,
  getOrganizationPapers,
  getPaperById,
  getPeriodFeed,
  getRecentPapers,
  getTrendingPapers,
} from "@/server/papers/feed";
import { listCursorSchema, PAGE_SIZE } from "@/server/papers/list-pages";
import { searchPapers } from "@/server/papers/search";
import { getPaperWithSimilar, type RankMissing } from "@/server/papers/similar";

// Cached paper queries, keyed by their arguments plus a papers version, which this process advances
// whenever any process announces a change (src/server/changes): a vote on one instance, or an
// import from the CLI, reaches all of them.

// Trending scores age with the clock, so cached rankings are refreshed every few minutes anyway.
const CACHE_OPTIONS = { tags: [PAPERS_TAG], revalidate: 300 };

const state = globalThis as unknown as { papersVersion?: number; papersListener?: boolean };

// The Next.js data cache outlives the process (.next/cache), so the version starts from the boot
// time: a counter restarting at 0 would meet entries cached before a restart, when the data may
// have changed in between.
export function papersVersion(): number {
  state.papersVersion ??= Date.now();
  return state.papersVersion;
}

/** Started once per process (instrumentation). */
export function followPaperChanges(connectionString: string): void {
  if (state.papersListener) return;
  state.papersListener = true;
  onPapersChanged(connectionString, () => {
    state.papersVersion = papersVersion() + 1;
  });
}

function cachedPaperQuery<Args extends unknown[], Result>(name: string, query: (...args: Args) => Promise<Result>) {
  const cached = unstable_cache((_version: number, ...args: Args) => query(...args), [name], CACHE_OPTIONS);
  return (...args: Args) => cached(papersVersion(), ...args);
}

export const getCachedLatestFeedDate = cachedPaperQuery("latest-feed-date", () => getLatestFeedDate(db));

// A cursor is passed as the string the page received (cache keys must be JSON) and checked here.
const position = (cursor: string | null, offset = 0, limit = PAGE_SIZE) => ({
  cursor: cursor ? listCursorSchema.parse(cursor) : null,
  offset,
  limit,
});

// A filter is passed as the ListFilter a page parsed (sorted arrays, so equal filters give equal keys).

export const getCachedPeriodFeed = cachedPaperQuery(
  "period-feed",
  (kind: PeriodKind, key: string, sort: FeedSort, cursor: string | null, filter: ListFilter, offset?: number, limit?: number) =>
    getPeriodFeed(db, parsePeriod(kind, key)!, sort, new Date(), position(cursor, offset, limit), { filter }),
);

export const getCachedTrendingPapers = cachedPaperQuery(
  "trending",
  (cursor: string | null, filter: ListFilter, offset?: number, limit?: number) =>
    getTrendingPapers(db, new Date(), position(cursor, offset, limit), { filter }),
);

export const getCachedPaper = cachedPaperQuery("paper", (id: string) => getPaperById(db, id));

export const getCachedOrganizationPapers = cachedPaperQuery("organization", (name: string, cursor: string | null, filter: ListFilter) =>
  getOrganizationPapers(db, name, position(cursor), filter),
);

export const getCachedAuthorPapers = cachedPaperQuery("author", (name: string, cursor: string | null, filter: ListFilter) =>
  getAuthorPapers(db, name, position(cursor), filter),
);

export const getCachedPaperWithSimilar = cachedPaperQuery("paper-with-similar", (id: string, limit: number, rankMissing: RankMissing) =>
  getPaperWithSimilar(db, id, { limit, rankMissing }),
);

// Options are a plain object of strings, numbers and the filter's arrays: JSON, as cache keys must be.
export const getCachedSearch = cachedPaperQuery("search", (query: string, options: Parameters<typeof searchPapers>[2] = {}) =>
  searchPapers(db, query, options),
);

export const getCachedRecentPapers = cachedPaperQuery("recent", (filter: ListFilter) => getRecentPapers(db, { filter }));

// The same lists for one category, archive or keyword (src/lib/paper-scope.ts).

export const getCachedScopedLatestFeedDate = cachedPaperQuery("scoped-latest-feed-date", (scope: PaperScope) =>
  getLatestFeedDate(db, { scope }),
);

export const getCachedScopedPeriodFeed = cachedPaperQuery(
  "scoped-period-feed",
  (scope: PaperScope, kind: PeriodKind, key: string, sort: FeedSort, cursor: string | null, filter: ListFilter) =>
    getPeriodFeed(db, parsePeriod(kind, key)!, sort, new Date(), position(cursor), { scope, filter }),
);

export const getCachedScopedTrendingPapers = cachedPaperQuery(
  "scoped-trending",
  (scope: PaperScope, cursor: string | null, filter: ListFilter) => getTrendingPapers(db, new Date(), position(cursor), { scope, filter }),
);

export const getCachedScopedRecentPapers = cachedPaperQuery("scoped-recent", (scope: PaperScope, filter: ListFilter) =>
  getRecentPapers(db, { scope, filter }),
);
