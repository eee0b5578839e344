import "server-only";
import type { SyncSource, SyncSourceKind } from "@/lib/sync-sources";
import type { Db } from "@/server/db";

/** What a source needs from the world; the job gets all of it from its caller. */
export interface SyncContext {
  db: Db;
  now: () => Date;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** The API each kind of source is read from. */
  endpoints: Record<SyncSourceKind, string>;
  /** One line per step (a day, a page), for the CLI's stderr and the server log. */
  progress: (message: string) => void;
}

export interface SourceCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export const noCounts = (): SourceCounts => ({ created: 0, updated: 0, unchanged: 0, skipped: 0 });

export function addCounts(total: SourceCounts, more: Partial<SourceCounts>): void {
  total.created += more.created ?? 0;
  total.updated += more.updated ?? 0;
  total.unchanged += more.unchanged ?? 0;
  total.skipped += more.skipped ?? 0;
}

/**
 * Reads what is new at one source into the database, keeping its place in the source's cursor so
 * a killed run resumes. Adds what it wrote to `counts` as it goes, so a failure part-way still
 * reports it.
 */
export type SyncSourceReader = (context: SyncContext, source: SyncSource, counts: SourceCounts) => Promise<void>;
