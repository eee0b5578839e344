import "server-only";
import type { Db } from "@/server/db";
import { fetchWithRetry, type RetryOptions } from "@/server/ingest/fetch-with-retry";
import { parseDailyPapers } from "@/server/ingest/hf-daily-papers";
import { addToSummary, emptySummary, type ImportProgress, type ImportSummary, type SkippedItem } from "@/server/ingest/import-report";
import { processNewPapers } from "@/server/ingest/new-papers";
import type { PaperRecord } from "@/server/ingest/paper-record";
import { nothingWritten, writePapers } from "@/server/ingest/write-papers";

const PAGE_SIZE = 100;
// A day on Hugging Face has at most a few dozen papers; this bounds a server that ignores paging.
const MAX_PAGES = 20;

export interface HfImportOptions {
  apiUrl: string;
  dates: string[];
  retry?: RetryOptions;
}

/**
 * Fetches each day from Hugging Face's /api/daily_papers and imports it in one transaction, then
 * ranks the similar papers of the newest papers it created.
 */
export async function importHfDays(db: Db, options: HfImportOptions, progress?: ImportProgress): Promise<ImportSummary> {
  const summary = emptySummary();
  for (const [position, date] of options.dates.entries()) {
    let skipped: SkippedItem[] = [];
    let result = nothingWritten();
    let papers = 0;
    try {
      const day = await fetchHfDay(options, date, progress);
      skipped = day.skipped;
      papers = day.records.length;
      result = await writePapers(db, day.records);
    } catch (error) {
      skipped = [{ source: date, index: null, paperId: null, reason: error instanceof Error ? error.message : String(error) }];
    }
    addToSummary(summary, result, skipped);
    progress?.onSource({ position: position + 1, total: options.dates.length, source: date, papers, result, skipped });
  }
  await processNewPapers(db, summary.createdIds, new Date());
  return summary;
}

/** One day of Hugging Face's daily papers, every page of it, as paper records plus what was skipped. */
export async function fetchHfDay(
  options: Pick<HfImportOptions, "apiUrl" | "retry">,
  date: string,
  progress?: Pick<ImportProgress, "onRetry">,
) {
  const records: PaperRecord[] = [];
  const skipped: SkippedItem[] = [];
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = new URL("/api/daily_papers", options.apiUrl);
    url.search = new URLSearchParams({ date, limit: String(PAGE_SIZE), p: String(page) }).toString();
    const response = await fetchWithRetry(url.toString(), {
      ...options.retry,
      onRetry: ({ attempt, delayMs, reason }) => progress?.onRetry?.(`${date}: ${reason}, retry ${attempt} in ${delayMs} ms`),
    });
    if (!response.ok) throw new Error(`Hugging Face answered HTTP ${response.status} for ${url}`);
    const data: unknown = await response.json().catch(() => {
      throw new Error(`Hugging Face sent a response that is not JSON for ${url}`);
    });
    const parsed = parseDailyPapers(data, date);
    skipped.push(...parsed.problems.map((problem) => ({ source: `${date} page ${page}`, ...problem, reason: problem.message })));
    const fresh = parsed.records.filter((record) => !seen.has(record.id));
    fresh.forEach((record) => seen.add(record.id));
    records.push(...fresh);
    const itemCount = Array.isArray(data) ? data.length : 0;
    if (itemCount < PAGE_SIZE || fresh.length === 0) break;
  }
  return { records, skipped };
}
