import "server-only";
import { revalidateTag, unstable_cache, updateTag } from "next/cache";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import type { FeedSort } from "@/lib/feed-sort";
import { parsePeriod, type PeriodKind } from "@/lib/periods";
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
import { getSimilarPapers } from "@/server/papers/similar";

// Everything about keeping cached paper pages fresh lives here. Paper queries are cached under
// their arguments plus a papers version. Votes (in this process) revalidate the cache tag; imports
// run in another process (the CLI), so they cannot: they NOTIFY on commit instead, and every app
// instance LISTENs and advances its version, so the next request after an import reads fresh data.

/** Tag on every cached paper query; votes revalidate it. */
export const PAPERS_TAG = "papers";
// Trending scores age with the clock, so cached rankings are refreshed every few minutes anyway.
const CACHE_OPTIONS = { tags: [PAPERS_TAG], revalidate: 300 };
const PAPERS_CHANGED_CHANNEL = "papers_changed";

/** From a server action: the acting user's next render reads the new data. */
export function refreshPapersFromAction(): void {
  updateTag(PAPERS_TAG);
}

/** From a route handler (updateTag is only allowed in server actions). */
export function refreshPapersFromRoute(): void {
  revalidateTag(PAPERS_TAG, { expire: 0 });
}

/** From any process that wrote papers, inside its transaction: delivered to every instance on commit. */
export async function notifyPapersChanged(tx: Prisma.TransactionClient): Promise<void> {
  // Raw: Prisma has no NOTIFY.
  await tx.$executeRaw`SELECT pg_notify(${PAPERS_CHANGED_CHANNEL}, '')`;
}

const state = globalThis as unknown as { papersVersion?: number; papersListener?: boolean };

// The Next.js data cache outlives the process (.next/cache), so the version starts from the boot
// time: a counter restarting at 0 would meet entries cached before a restart, when the data may
// have changed in between.
export function papersVersion(): number {
  state.papersVersion ??= Date.now();
  return state.papersVersion;
}

function bumpPapersVersion() {
  state.papersVersion = papersVersion() + 1;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/** Listens for paper changes for the life of the process, reconnecting with backoff. */
export function listenForPaperChanges(connectionString: string): void {
  if (state.papersListener) return;
  state.papersListener = true;
  const connect = async (retryDelayMs: number) => {
    const client = new pg.Client({ connectionString });
    let retried = false;
    // A failing connection can both emit "error" and reject the pending query: retry once.
    const reconnect = () => {
      if (retried) return;
      retried = true;
      client.removeAllListeners();
      client.on("error", () => {});
      client.end().catch(() => {});
      setTimeout(() => void connect(Math.min(retryDelayMs * 2, MAX_RETRY_MS)), retryDelayMs).unref();
    };
    client.on("notification", bumpPapersVersion);
    client.on("error", reconnect);
    try {
      await client.connect();
      await client.query(`LISTEN ${PAPERS_CHANGED_CHANNEL}`);
      retryDelayMs = FIRST_RETRY_MS;
      bumpPapersVersion(); // changes made while disconnected were missed
    } catch {
      reconnect();
    }
  };
  void connect(FIRST_RETRY_MS);
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

export const getCachedPeriodFeed = cachedPaperQuery(
  "period-feed",
  (kind: PeriodKind, key: string, sort: FeedSort, cursor: string | null, offset?: number, limit?: number) =>
    getPeriodFeed(db, parsePeriod(kind, key)!, sort, new Date(), position(cursor, offset, limit)),
);

export const getCachedTrendingPapers = cachedPaperQuery("trending", (cursor: string | null) =>
  getTrendingPapers(db, new Date(), position(cursor)),
);

export const getCachedPaper = cachedPaperQuery("paper", (id: string) => getPaperById(db, id));

export const getCachedOrganizationPapers = cachedPaperQuery("organization", (name: string, cursor: string | null) =>
  getOrganizationPapers(db, name, position(cursor)),
);

export const getCachedAuthorPapers = cachedPaperQuery("author", (name: string, cursor: string | null) =>
  getAuthorPapers(db, name, position(cursor)),
);

export const getCachedSimilarPapers = cachedPaperQuery("similar", (id: string, limit?: number) => getSimilarPapers(db, id, limit));

export const getCachedSearch = cachedPaperQuery("search", (query: string) => searchPapers(db, query));

export const getCachedRecentPapers = cachedPaperQuery("recent", () => getRecentPapers(db));
