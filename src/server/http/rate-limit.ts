import "server-only";
import { formatWait } from "@/lib/durations";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the oldest counted event leaves the window (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * Sliding-window limit stored in Postgres, so it holds across app instances. A per-key advisory
 * lock makes check-and-record atomic under concurrent requests.
 */
export async function consumeRateLimit(db: Db, key: string, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  return db.$transaction(async (tx) => {
    // Raw: Prisma has no advisory locks.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
    await tx.rateLimitEvent.deleteMany({ where: { key, createdAt: { lte: windowStart } } });
    const recent = await tx.rateLimitEvent.findMany({
      where: { key, createdAt: { gt: windowStart } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
      take: rule.limit,
    });
    if (recent.length >= rule.limit) {
      const oldest = recent[0]!.createdAt.getTime();
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + rule.windowMs - now.getTime()) / 1000)) };
    }
    await tx.rateLimitEvent.create({ data: { key, createdAt: now } });
    return { allowed: true, retryAfterSeconds: 0 };
  });
}

/**
 * Counts one event against the limit, or throws a RATE_LIMITED AppError (429 with Retry-After)
 * whose message `explain` words for a person, given the wait ("3 minutes").
 */
export async function enforceRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  explain: (wait: string) => string,
  now: Date = new Date(),
): Promise<void> {
  const { allowed, retryAfterSeconds } = await consumeRateLimit(db, key, rule, now);
  if (!allowed) throw new AppError("RATE_LIMITED", explain(formatWait(retryAfterSeconds)), { retryAfterSeconds });
}

/**
 * Takes back one event counted at `at` (by `enforceRateLimit` with the same clock), for an
 * attempt that failed on our side and should not cost the person anything.
 */
export async function refundRateLimit(db: Db, key: string, at: Date): Promise<void> {
  const event = await db.rateLimitEvent.findFirst({ where: { key, createdAt: at }, select: { id: true } });
  if (event) await db.rateLimitEvent.delete({ where: { id: event.id } }).catch(() => {});
}
