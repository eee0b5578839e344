import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db";
import { reweighPaperVectors, storePaperVectors, vectorCorpusSize } from "@/server/recs/paper-vectors";
import { readCursor, writeCursor } from "@/server/sync/cursor";

/** Papers one run looks at: a bounded stretch, resumed by the next run where this one stopped. */
const PAPERS_PER_RUN = 5000;
const CURSOR = "paper-vectors";

const cursorSchema = z.object({ afterId: z.string().nullable() });

export interface VectorsRefresh {
  examined: number;
  /** Papers that had no vector (imported before vectors existed, or by a path that skipped them). */
  vectorised: number;
  /** Vectors weighed when the corpus was less than half its size now. */
  reweighed: number;
  /** The walk passed the last paper and starts again from the first next time. */
  wrapped: boolean;
}

/**
 * Keeps every paper's vector present and its weights current, in the background: walks the papers
 * by id, a bounded stretch per run, vectorising those without one and weighing again those whose
 * weights date from a corpus less than half today's. Its place is a cursor, so a run killed
 * part-way loses nothing but its place (what it wrote is stepped over next time).
 */
export async function refreshPaperVectors(db: Db, now: Date, limit = PAPERS_PER_RUN): Promise<VectorsRefresh> {
  const { afterId } = (await readCursor(db, CURSOR, cursorSchema)) ?? { afterId: null };
  const papers = await db.paper.findMany({
    where: afterId === null ? {} : { id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, vector: { select: { corpusSize: true } } },
  });
  const corpusSize = await vectorCorpusSize(db);
  const missing = papers.filter((paper) => !paper.vector).map((paper) => paper.id);
  const stale = papers.filter((paper) => paper.vector && paper.vector.corpusSize * 2 <= corpusSize).map((paper) => paper.id);
  const vectorised = await storePaperVectors(db, missing, now);
  const reweighed = await reweighPaperVectors(db, stale, now);
  const wrapped = papers.length < limit;
  await writeCursor(db, CURSOR, { afterId: wrapped ? null : papers.at(-1)!.id });
  return { examined: papers.length, vectorised, reweighed, wrapped };
}

export interface BackfillProgress {
  examined: number;
  vectorised: number;
  reweighed: number;
}

/**
 * Runs the refresh from the first paper to the last in one go (an instance upgraded with many
 * papers, or the benchmark's database): every paper ends with a vector and current weights.
 * Resumable like the refresh: killed, it goes on from its cursor next time.
 */
export async function refreshAllPaperVectors(
  db: Db,
  now: () => Date,
  onProgress: (progress: BackfillProgress) => void = () => undefined,
): Promise<BackfillProgress> {
  const total: BackfillProgress = { examined: 0, vectorised: 0, reweighed: 0 };
  for (;;) {
    const run = await refreshPaperVectors(db, now());
    total.examined += run.examined;
    total.vectorised += run.vectorised;
    total.reweighed += run.reweighed;
    onProgress(total);
    if (run.wrapped) return total;
  }
}
