import "server-only";
import { z } from "zod";
import { fromIsoDate, toIsoDate } from "@/lib/dates";
import type { Db } from "@/server/db";
import { storeSimilarList } from "@/server/papers/similar-lists";
import { readCursor, writeCursor } from "@/server/sync/cursor";

/** Lists one run ranks at most: at ~20-40 ms each, a few seconds of an hourly sync. */
const SIMILAR_LISTS_PER_RUN = 200;
/** A list ranked longer ago than this misses the papers added since, so it is ranked again. */
export const SIMILAR_LIST_MAX_AGE_DAYS = 30;
// Looking at a paper costs next to nothing beside ranking one, so a run steps over up to this many
// papers per list it may rank: a stretch of fresh lists is crossed quickly.
const PAPERS_LOOKED_AT_PER_LIST = 10;
const CURSOR = "similar-lists";

const cursorSchema = z.object({
  /** The last paper the previous run looked at, newest feed day first; null: start from the newest. */
  after: z.object({ feedDate: z.iso.date(), id: z.string() }).nullable(),
});

export interface SimilarListsRefresh {
  /** Papers whose lists this run looked at. */
  examined: number;
  /** Lists it ranked: missing or older than SIMILAR_LIST_MAX_AGE_DAYS. */
  ranked: number;
}

/**
 * Keeps the stored similar-paper lists current in the background. Walks the papers from the
 * newest feed day to the oldest, a bounded stretch per run, and ranks those whose list is missing
 * (imported in bulk, or before lists were stored) or older than a month. Its place is kept in a
 * cursor, so the next run goes on where this one stopped, and past the oldest paper it starts again
 * from the newest. A run killed part-way loses nothing but its place: the lists it ranked are
 * fresh and stepped over. Runs under the sync lock, one at a time.
 */
export async function refreshSimilarLists(db: Db, now: Date, limit = SIMILAR_LISTS_PER_RUN): Promise<SimilarListsRefresh> {
  const { after } = (await readCursor(db, CURSOR, cursorSchema)) ?? { after: null };
  const take = limit * PAPERS_LOOKED_AT_PER_LIST;
  // Newest feed day first, ids descending within a day: a walk backwards along the sitemaps'
  // index on ("feedDate", "id", ...), which answers it from its entries alone.
  const papers = await db.paper.findMany({
    where: {
      hiddenAt: null,
      ...(after && {
        feedDate: { lte: fromIsoDate(after.feedDate) },
        NOT: { feedDate: fromIsoDate(after.feedDate), id: { gte: after.id } },
      }),
    },
    orderBy: [{ feedDate: "desc" }, { id: "desc" }],
    take,
    select: { id: true, feedDate: true, similarList: { select: { computedAt: true } } },
  });
  const staleBefore = new Date(now.getTime() - SIMILAR_LIST_MAX_AGE_DAYS * 86_400_000);
  let examined = 0;
  let ranked = 0;
  for (const paper of papers) {
    if (ranked === limit) break;
    examined += 1;
    if (!paper.similarList || paper.similarList.computedAt < staleBefore) {
      await storeSimilarList(db, paper.id, now);
      ranked += 1;
    }
  }
  const last = papers[examined - 1];
  const reachedOldest = examined === papers.length && papers.length < take;
  await writeCursor(db, CURSOR, { after: last && !reachedOldest ? { feedDate: toIsoDate(last.feedDate), id: last.id } : null });
  return { examined, ranked };
}
