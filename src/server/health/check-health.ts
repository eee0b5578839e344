import "server-only";
import type { Health } from "@/lib/api-responses";
import type { Db } from "@/server/db";
import { getLatestFeedDate } from "@/server/papers/feed";

class TimedOut extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimedOut()), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What a load balancer asks every few seconds: two index lookups (the newest feed day, the newest
 * sync run), and "unreachable" when Postgres does not answer within `timeoutMs`. No addresses, no
 * secrets, no counts that need a scan.
 */
export async function checkHealth(db: Db, version: string, timeoutMs = 1_000): Promise<Health> {
  try {
    const [latestFeedDay, lastSync] = await within(
      Promise.all([
        getLatestFeedDate(db),
        db.syncRun.findFirst({ orderBy: { startedAt: "desc" }, select: { source: true, status: true, startedAt: true, finishedAt: true } }),
      ]),
      timeoutMs,
    );
    return {
      status: "ok",
      db: "ok",
      latestFeedDay,
      lastSync: lastSync && {
        source: lastSync.source,
        status: lastSync.status.toLowerCase(),
        startedAt: lastSync.startedAt.toISOString(),
        finishedAt: lastSync.finishedAt?.toISOString() ?? null,
      },
      version,
    };
  } catch {
    return { status: "unavailable", db: "unreachable", latestFeedDay: null, lastSync: null, version };
  }
}
