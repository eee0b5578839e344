import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { formatWait } from "@/lib/durations";
import { AppError } from "@/lib/errors";
import { queryRows, type Db } from "@/server/db";

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
 * Sliding-window limit stored in Postgres, so it holds across app instances. One call of the
 * `consume_rate_limit` function (see its migration): a per-key advisory lock makes check-and-record
 * atomic under concurrent requests, in one round trip.
 */
export async function consumeRateLimit(db: Db, key: string, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitResult> {
  // Raw: a database function; timestamps are stored as UTC without a zone, so the clock is too.
  const [row] = await queryRows(
    db,
    waitRow,
    Prisma.sql`SELECT consume_rate_limit(${key}, ${rule.limit}, ${rule.windowMs}, (${now}::timestamptz AT TIME ZONE 'UTC')) AS "wait"`,
  );
  const wait = row?.wait ?? 0;
  return { allowed: wait === 0, retryAfterSeconds: wait };
}

const waitRow = z.object({ wait: z.number() });

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
