import "server-only";
import type { Db } from "@/server/db";
import { fetchArxivPapers } from "@/server/ingest/arxiv-client";
import type { RetryOptions } from "@/server/ingest/fetch-with-retry";
import { addToSummary, emptySummary, type ImportProgress, type ImportSummary } from "@/server/ingest/import-report";
import { processNewPapers } from "@/server/ingest/new-papers";
import { writePapers } from "@/server/ingest/write-papers";

export interface ArxivImportOptions {
  apiUrl: string;
  ids: string[];
  /** The feed day new papers are added to. */
  feedDate: string;
  retry?: RetryOptions;
}

/** Adds papers by arXiv id; papers already present keep their feed day and counts. */
export async function importArxivIds(db: Db, options: ArxivImportOptions, progress?: ImportProgress): Promise<ImportSummary> {
  const summary = emptySummary();
  const { papers, failures } = await fetchArxivPapers(options.ids, {
    apiUrl: options.apiUrl,
    feedDate: options.feedDate,
    retry: {
      ...options.retry,
      onRetry: ({ attempt, delayMs, reason }) => progress?.onRetry?.(`arXiv: ${reason}, retry ${attempt} in ${delayMs} ms`),
    },
  });
  const result = await writePapers(db, papers, "refreshMetadata");
  const skipped = failures.map((failure) => ({ source: "arXiv", index: null, paperId: failure.id, reason: failure.reason }));
  addToSummary(summary, result, skipped);
  progress?.onSource({ position: 1, total: 1, source: `arXiv (${options.ids.length} ids)`, papers: papers.length, result, skipped });
  await processNewPapers(db, summary.createdIds, new Date());
  return summary;
}
