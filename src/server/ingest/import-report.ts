import "server-only";
import { nothingWritten, type WriteSummary } from "@/server/ingest/write-papers";

export interface SkippedItem {
  source: string;
  index: number | null;
  paperId: string | null;
  reason: string;
}

export interface ImportSummary extends WriteSummary {
  sources: number;
  skipped: SkippedItem[];
}

export interface ImportProgress {
  /** One source (file, day or id batch) finished. */
  onSource(info: { position: number; total: number; source: string; papers: number; result: WriteSummary; skipped: SkippedItem[] }): void;
  onRetry?(message: string): void;
}

export const emptySummary = (): ImportSummary => ({ sources: 0, ...nothingWritten(), skipped: [] });

export function addToSummary(summary: ImportSummary, result: WriteSummary, skipped: SkippedItem[]): void {
  summary.sources += 1;
  summary.created += result.created;
  summary.updated += result.updated;
  summary.unchanged += result.unchanged;
  summary.createdIds.push(...result.createdIds);
  summary.skipped.push(...skipped);
}
