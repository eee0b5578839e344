import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Db } from "@/server/db";
import { parseDailyPapers } from "@/server/ingest/hf-daily-papers";
import { addToSummary, emptySummary, type ImportProgress, type ImportSummary, type SkippedItem } from "@/server/ingest/import-report";
import { processNewPapers } from "@/server/ingest/new-papers";
import { nothingWritten, writePapers } from "@/server/ingest/write-papers";

/** Expands folders to the `.json` files inside them, sorted so that later days are imported last. */
export async function listImportFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new Error(`${path}: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.endsWith(".json")).sort();
      files.push(...names.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/**
 * Imports files in the format of Hugging Face's /api/daily_papers, one transaction per file, then
 * ranks the similar papers of the newest papers it created.
 */
export async function importDailyPaperFiles(db: Db, files: string[], progress?: ImportProgress): Promise<ImportSummary> {
  const summary = emptySummary();
  for (const [position, file] of files.entries()) {
    const name = basename(file);
    let skipped: SkippedItem[];
    let result = nothingWritten();
    let papers = 0;
    try {
      const data: unknown = JSON.parse(await readFile(file, "utf8"));
      const parsed = parseDailyPapers(data, /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1] ?? null);
      skipped = parsed.problems.map((problem) => ({ source: file, ...problem, reason: problem.message }));
      papers = parsed.records.length;
      result = await writePapers(db, parsed.records);
    } catch (error) {
      skipped = [{ source: file, index: null, paperId: null, reason: describeFileError(error) }];
    }
    addToSummary(summary, result, skipped);
    progress?.onSource({ position: position + 1, total: files.length, source: name, papers, result, skipped });
  }
  await processNewPapers(db, summary.createdIds, new Date());
  return summary;
}

function describeFileError(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON (${error.message})`;
  return error instanceof Error ? error.message : String(error);
}
