import "server-only";
import { daysBetween, toIsoDate } from "@/lib/dates";
import type { Db } from "@/server/db";
import { getLatestFeedDate } from "@/server/papers/feed";

const RECENT_RUNS = 20;
const RECENT_DIGESTS = 6;
const FAILED_SHOWN = 20;
/** A feed older than this many days means the sync is not doing its job. */
export const STALE_FEED_DAYS = 2;

export interface SyncRunRow {
  id: string;
  source: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  startedAt: Date;
  finishedAt: Date | null;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  error: string | null;
}

export interface DigestRow {
  id: string;
  cadence: string;
  periodKey: string;
  createdAt: Date;
  counts: Record<"sent" | "pending" | "retrying" | "failed" | "skipped", number>;
  failures: { email: string; lastError: string | null }[];
}

export interface AdminOverview {
  syncRuns: SyncRunRow[];
  digests: DigestRow[];
  subscribers: { status: string; cadence: string; count: number }[];
  added: Record<"users" | "votes" | "papers", { today: number; week: number }>;
  latestFeedDay: string | null;
  feedAgeDays: number | null;
  /** Papers the sync has not yet got arXiv categories for (or whose lookup failed). */
  papersLackingCategories: number;
}

function countBy<Row extends { status: string; _count: number }>(rows: Row[], statuses: string[]): number {
  return rows.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row._count, 0);
}

/** Everything the operator console shows, each list bounded, each count on an index. */
export async function getAdminOverview(db: Db, now: Date): Promise<AdminOverview> {
  const today = new Date(`${toIsoDate(now)}T00:00:00Z`);
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const since = (from: Date) => ({ createdAt: { gte: from } });

  const [runs, digests, subscribers, latestFeedDay, papersLackingCategories, ...added] = await Promise.all([
    db.syncRun.findMany({ orderBy: { startedAt: "desc" }, take: RECENT_RUNS }),
    db.digest.findMany({
      orderBy: { createdAt: "desc" },
      take: RECENT_DIGESTS,
      select: { id: true, cadence: true, periodKey: true, createdAt: true },
    }),
    db.subscriber.groupBy({ by: ["status", "cadence"], _count: true, orderBy: [{ status: "asc" }, { cadence: "asc" }] }),
    getLatestFeedDate(db),
    // The NULL end of the ("categoriesCheckedAt", "feedDate") index, read from the index alone.
    db.paper.count({ where: { categoriesCheckedAt: null } }),
    db.user.count({ where: since(today) }),
    db.user.count({ where: since(weekAgo) }),
    db.upvote.count({ where: since(today) }),
    db.upvote.count({ where: since(weekAgo) }),
    db.paper.count({ where: since(today) }),
    db.paper.count({ where: since(weekAgo) }),
  ]);

  const digestIds = digests.map((digest) => digest.id);
  const [deliveryCounts, failures] = await Promise.all([
    db.digestDelivery.groupBy({ by: ["digestId", "status"], where: { digestId: { in: digestIds } }, _count: true }),
    db.digestDelivery.findMany({
      where: { digestId: { in: digestIds }, status: "FAILED" },
      orderBy: { createdAt: "desc" },
      take: FAILED_SHOWN * RECENT_DIGESTS,
      select: { digestId: true, lastError: true, subscriber: { select: { email: true } } },
    }),
  ]);

  return {
    syncRuns: runs.map((run) => ({ ...run, id: String(run.id) })),
    digests: digests.map((digest) => {
      const rows = deliveryCounts.filter((row) => row.digestId === digest.id);
      return {
        ...digest,
        counts: {
          sent: countBy(rows, ["SENT"]),
          pending: countBy(rows, ["PENDING", "SENDING"]),
          retrying: countBy(rows, ["RETRY"]),
          failed: countBy(rows, ["FAILED"]),
          skipped: countBy(rows, ["SKIPPED"]),
        },
        failures: failures
          .filter((failure) => failure.digestId === digest.id)
          .slice(0, FAILED_SHOWN)
          .map((failure) => ({ email: failure.subscriber.email, lastError: failure.lastError })),
      };
    }),
    subscribers: subscribers.map((row) => ({ status: row.status, cadence: row.cadence, count: row._count })),
    added: {
      users: { today: added[0]!, week: added[1]! },
      votes: { today: added[2]!, week: added[3]! },
      papers: { today: added[4]!, week: added[5]! },
    },
    latestFeedDay,
    feedAgeDays: latestFeedDay ? daysBetween(latestFeedDay, toIsoDate(now)) : null,
    papersLackingCategories,
  };
}
