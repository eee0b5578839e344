import "server-only";
import { z } from "zod";
import { toIsoDate } from "@/lib/dates";
import type { SyncSource } from "@/lib/sync-sources";
import { fetchHfDay } from "@/server/ingest/import-hf";
import { processNewPapers } from "@/server/ingest/new-papers";
import { writePapers } from "@/server/ingest/write-papers";
import { addCounts, type SourceCounts, type SyncContext } from "@/server/sync/context";
import { readCursor, writeCursor } from "@/server/sync/cursor";

// Hugging Face keeps changing a day's list and counts for days after it: refresh a week.
const DAYS = 7;

const hfCursorSchema = z.object({
  /** A run that stopped before the end: its days, and those already written. */
  unfinished: z.object({ days: z.array(z.string()), done: z.array(z.string()) }).nullable(),
});

function lastDays(now: Date): string[] {
  return Array.from({ length: DAYS }, (_, back) => toIsoDate(new Date(now.getTime() - back * 86_400_000)));
}

/**
 * Today's and the previous six days' Hugging Face daily papers. Upstream upvotes, comments and
 * stars are refreshed; local votes are separate columns and never touched; an older answer never
 * overwrites a newer one (the importer's rule). A run that was killed is resumed, not repeated.
 */
export async function syncHuggingFace(context: SyncContext, { key }: SyncSource, counts: SourceCounts): Promise<void> {
  const { db } = context;
  const window = lastDays(context.now());
  // Resumed only on the same day; a later run covers a different week anyway.
  const unfinished = (await readCursor(db, key, hfCursorSchema))?.unfinished;
  const resumed = unfinished?.days[0] === window[0] ? unfinished : null;
  const days = resumed?.days ?? window;
  const done = new Set(resumed?.done ?? []);
  if (resumed) context.progress(`${key}: resuming an interrupted run (${done.size} of ${days.length} days already done)`);
  for (const date of days) {
    if (done.has(date)) continue;
    const day = await fetchHfDay({ apiUrl: context.endpoints.hf, retry: { fetch: context.fetch, sleep: context.sleep } }, date, {
      onRetry: (message) => context.progress(`${key}: ${message}`),
    });
    const written = await writePapers(db, day.records);
    await processNewPapers(db, written.createdIds, context.now());
    addCounts(counts, { ...written, skipped: day.skipped.length });
    done.add(date);
    await writeCursor(db, key, { unfinished: { days, done: [...done] } });
    context.progress(
      `${key}: ${date}: ${day.records.length} papers (${written.created} new, ${written.updated} updated, ${written.unchanged} unchanged, ${day.skipped.length} skipped)`,
    );
  }
  await writeCursor(db, key, { unfinished: null });
}
