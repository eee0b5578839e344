import "server-only";
import { z } from "zod";
import { toIsoDate } from "@/lib/dates";
import type { SyncSource } from "@/lib/sync-sources";
import { parseArxivFeed, type ArxivEntry } from "@/server/ingest/arxiv-atom";
import { toPaperRecord } from "@/server/ingest/arxiv-client";
import { fetchWithRetry } from "@/server/ingest/fetch-with-retry";
import { processNewPapers } from "@/server/ingest/new-papers";
import { writePapers } from "@/server/ingest/write-papers";
import { addCounts, type SourceCounts, type SyncContext } from "@/server/sync/context";
import { readCursor, writeCursor } from "@/server/sync/cursor";

export const ARXIV_PAGE_SIZE = 100;
/** arXiv asks API clients to wait at least 3 seconds between requests. */
export const ARXIV_REQUEST_GAP_MS = 3_000;
// Bounds one run: the first run of a new source reads this many pages of the newest submissions,
// and a source that has not run for a long time catches up at most this far.
const MAX_PAGES = 10;

/** The newest submission a run has seen: its time and every id with exactly that time. */
const markSchema = z.object({ publishedAt: z.iso.datetime(), ids: z.array(z.string()) });
type Mark = z.infer<typeof markSchema>;

const arxivCursorSchema = z.object({
  seen: markSchema.nullable(),
  /** A run that stopped before the end: where to go on, and where it would have stopped. */
  unfinished: z.object({ newest: markSchema, stopAt: markSchema.nullable(), nextStart: z.number().int().min(0) }).nullable(),
});

function isAtOrBefore(entry: ArxivEntry, mark: Mark): boolean {
  const time = entry.publishedAt.toISOString();
  return time < mark.publishedAt || (time === mark.publishedAt && mark.ids.includes(entry.id));
}

function markOf(entries: ArxivEntry[]): Mark | null {
  const newest = entries[0];
  if (!newest) return null;
  const publishedAt = newest.publishedAt.toISOString();
  return { publishedAt, ids: entries.filter((entry) => entry.publishedAt.toISOString() === publishedAt).map((entry) => entry.id) };
}

/**
 * New submissions in some arXiv categories, newest first, page by page until what the last run
 * saw. A new paper's feed day is the UTC day the sync first sees it, which is the day arXiv
 * announced it (submissions reach the API when announced); papers already here keep theirs.
 */
export async function syncArxiv(context: SyncContext, { key, options: categories }: SyncSource, counts: SourceCounts): Promise<void> {
  const { db } = context;
  const saved = (await readCursor(db, key, arxivCursorSchema)) ?? { seen: null, unfinished: null };
  const stopAt = saved.unfinished ? saved.unfinished.stopAt : saved.seen;
  let newest = saved.unfinished?.newest ?? null;
  let start = saved.unfinished?.nextStart ?? 0;
  if (saved.unfinished) context.progress(`${key}: resuming an interrupted run at result ${start}`);
  const query = categories.map((category) => `cat:${category}`).join(" OR ");

  for (let page = 0; page < MAX_PAGES; page++) {
    if (page > 0) await context.sleep(ARXIV_REQUEST_GAP_MS);
    const url = new URL(context.endpoints.arxiv);
    url.search = new URLSearchParams({
      search_query: query,
      sortBy: "submittedDate",
      sortOrder: "descending",
      start: String(start),
      max_results: String(ARXIV_PAGE_SIZE),
    }).toString();
    const response = await fetchWithRetry(url.toString(), {
      fetch: context.fetch,
      sleep: context.sleep,
      onRetry: ({ attempt, delayMs, reason }) => context.progress(`${key}: ${reason}, retry ${attempt} in ${delayMs} ms`),
    });
    const body = await response.text();
    if (!response.ok) throw new Error(`arXiv answered HTTP ${response.status} for ${url.host}`);
    const feed = parseArxivFeed(body);
    if (feed.entries.length === 0 && feed.errors.length > 0) throw new Error(`arXiv refused the query: ${feed.errors.join("; ")}`);

    newest ??= markOf(feed.entries);
    const fresh = stopAt ? feed.entries.filter((entry) => !isAtOrBefore(entry, stopAt)) : feed.entries;
    const answeredAt = context.now();
    const written = await writePapers(
      db,
      fresh.map((entry) => toPaperRecord(entry, toIsoDate(answeredAt), answeredAt)),
      "refreshMetadata",
    );
    await processNewPapers(db, written.createdIds, context.now());
    addCounts(counts, { ...written, skipped: feed.errors.length });
    start += feed.entries.length;
    const reachedSeen = fresh.length < feed.entries.length;
    const exhausted = feed.entries.length < ARXIV_PAGE_SIZE || (feed.totalResults !== null && start >= feed.totalResults);
    context.progress(`${key}: results ${start - feed.entries.length}-${start}: ${fresh.length} new to this run, ${written.created} added`);
    if (reachedSeen || exhausted || !newest) break;
    await writeCursor(db, key, { seen: saved.seen, unfinished: { newest, stopAt, nextStart: start } });
  }
  await writeCursor(db, key, { seen: newest ?? saved.seen, unfinished: null });
}
