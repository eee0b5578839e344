import "server-only";
import type { SyncSource } from "@/lib/sync-sources";
import { refreshPaperVectors, type VectorsRefresh } from "@/server/recs/refresh-vectors";
import { noCounts, type SourceCounts, type SyncContext } from "@/server/sync/context";
import { enrichCategories, type CategoryEnrichment } from "@/server/sync/enrich-categories";
import type { SyncLock } from "@/server/sync/lock";
import { refreshSimilarLists, type SimilarListsRefresh } from "@/server/sync/refresh-similar-lists";
import { SYNC_SOURCE_READERS } from "@/server/sync/source-readers";

export interface SyncOptions extends Omit<SyncContext, "progress"> {
  sources: SyncSource[];
  /** Takes the one-run-at-a-time lock, or answers null when another run holds it. */
  lock: () => Promise<SyncLock | null>;
  progress?: (message: string) => void;
  /** arXiv requests the category lookup may send this run (default CATEGORY_REQUESTS_PER_RUN). */
  categoryRequestsPerRun?: number;
}

export interface SourceReport extends SourceCounts {
  source: string;
  status: "succeeded" | "failed";
  error: string | null;
  durationMs: number;
}

export type SyncReport =
  | { status: "already-running" }
  | {
      status: "finished";
      sources: SourceReport[];
      categories: CategoryEnrichment;
      similarLists: SimilarListsRefresh;
      vectors: VectorsRefresh;
    };

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Syncs every source once, one after another; a source that fails (unreachable, malformed answer)
 * is recorded with its message and the others still run. Each source's run is a SyncRun row.
 * Then asks arXiv for the categories of a bounded number of papers that lack them, and refreshes a
 * bounded number of older papers' similar-paper lists and recommender vectors.
 */
export async function runSync(options: SyncOptions): Promise<SyncReport> {
  const lock = await options.lock();
  if (!lock) return { status: "already-running" };
  const context: SyncContext = { ...options, progress: options.progress ?? (() => undefined) };
  const { db, now } = context;
  try {
    // Holding the lock, no other run is alive: rows still RUNNING belong to a run that died.
    await db.syncRun.updateMany({
      where: { status: "RUNNING" },
      data: { status: "FAILED", finishedAt: now(), error: "Interrupted: the process stopped before this source finished." },
    });
    const reports: SourceReport[] = [];
    for (const source of options.sources) {
      const startedAt = now();
      const run = await db.syncRun.create({ data: { source: source.key, startedAt } });
      const counts = noCounts();
      let error: string | null = null;
      try {
        await SYNC_SOURCE_READERS[source.kind](context, source, counts);
      } catch (failure) {
        error = describeFailure(failure);
        context.progress(`${source.key}: failed: ${error}`);
      }
      const finishedAt = now();
      const status = error ? "failed" : "succeeded";
      await db.syncRun.update({
        where: { id: run.id },
        data: { ...counts, finishedAt, status: error ? "FAILED" : "SUCCEEDED", error },
      });
      reports.push({ source: source.key, status, error, durationMs: finishedAt.getTime() - startedAt.getTime(), ...counts });
    }
    const categories = await enrichCategories(context, {
      maxRequests: options.categoryRequestsPerRun,
      afterArxivSource: options.sources.some((source) => source.kind === "arxiv"),
    });
    const similarLists = await refreshSimilarLists(db, now());
    context.progress(`similar papers: ${similarLists.ranked} lists ranked, ${similarLists.examined} papers looked at`);
    const vectors = await refreshPaperVectors(db, now());
    context.progress(
      `recommender vectors: ${vectors.vectorised} new, ${vectors.reweighed} weighed again, ${vectors.examined} papers looked at`,
    );
    return { status: "finished", sources: reports, categories, similarLists, vectors };
  } finally {
    await lock.release();
  }
}
