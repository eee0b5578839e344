import "server-only";
import type { Cadence } from "@/lib/subscription";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/email/mailer";
import type { SubscriptionLinks } from "@/server/subscriptions/links";

// The shapes of one digest run, here so that the run (trending-digest.ts) and its deliveries
// (deliver.ts) can share them without importing each other.

export interface TrendingDigestOptions {
  db: Db;
  mailer: Mailer;
  /** The clock: decides the period, claim leases and retry times. */
  now: () => Date;
  cadence: Cadence;
  /** The base of links in the email. */
  siteUrl: string;
  /** Papers per email. */
  digestSize?: number;
  /** Messages in flight at once; match the SMTP pool's maxConnections. */
  concurrency?: number;
  /** Deliveries a worker claims at a time. */
  claimBatchSize?: number;
  /** Subscribers per statement when queueing deliveries. */
  enqueueBatchSize?: number;
  /** Attempts per delivery before it is marked FAILED. */
  maxAttempts?: number;
  /** Wait before retry n (1-based) of a failed delivery. */
  retryDelayMs?: (attempt: number) => number;
  leaseMs?: number;
  /** After this long a claim that was never handed to SMTP may be taken by another run. */
  claimGraceMs?: number;
  /** Stop claiming new deliveries after this long (a serverless time limit); the rest stays queued. */
  timeBudgetMs?: number;
  /** Recorded in claims, to tell runs apart when debugging. */
  runId?: string;
}

export interface DeliveryFailure {
  subscriberId: string;
  email: string;
  attempts: number;
  error: string;
}

export interface TrendingDigestReport {
  cadence: "daily" | "weekly";
  /** The period this run was due to send (`2026-11-30`, `2026-W49`), or null (daily on weekends). */
  period: string | null;
  /** The feed days that period covers, both included. */
  covers: { firstDay: string; lastDay: string } | null;
  /** Papers of that period available to pick from. */
  papers: number;
  sent: number;
  /** Deliveries finished without an email: nothing new for the subscriber, or they unsubscribed. */
  skipped: number;
  /** Failed this time and scheduled for a later run. */
  retried: number;
  /** Gave up after the last attempt (the first 100 are listed in `failures`). */
  failed: number;
  /** Deliveries left for later runs: retries not yet due, claims held by another run. */
  remaining: number;
  /** Pending subscriptions whose confirmation link expired, removed by this run. */
  expiredSubscriptions: number;
  failures: DeliveryFailure[];
}

export interface RunContext {
  db: Db;
  mailer: Mailer;
  now: () => Date;
  siteUrl: string;
  links: SubscriptionLinks;
  settings: Required<Omit<TrendingDigestOptions, "db" | "mailer" | "now" | "cadence" | "siteUrl" | "runId" | "timeBudgetMs">>;
  runId: string;
  deadline: number;
  report: TrendingDigestReport;
}
