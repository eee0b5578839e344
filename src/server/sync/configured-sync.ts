import "server-only";
import { env } from "@/env";
import type { SyncSource, SyncSourceKind } from "@/lib/sync-sources";
import { db } from "@/server/db";
import { acquireSyncLock } from "@/server/sync/lock";
import { runSync, type SyncReport } from "@/server/sync/run-sync";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where each kind of source is read from on this instance. */
export const configuredSyncEndpoints: Record<SyncSourceKind, string> = { hf: env.HF_API_URL, arxiv: env.ARXIV_API_URL };

/** The sync as this instance is configured (SYNC_SOURCES, HF_API_URL, ARXIV_API_URL), on the real clock. */
export function runConfiguredSync(progress?: (message: string) => void, sources: SyncSource[] = env.SYNC_SOURCES): Promise<SyncReport> {
  const connectionString = env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set. Run through `npm run sync`, which provides the local database.");
  return runSync({
    db,
    now: () => new Date(),
    fetch,
    sleep,
    endpoints: configuredSyncEndpoints,
    sources,
    lock: () => acquireSyncLock(connectionString),
    progress,
  });
}
