import "server-only";
import { CADENCES, type Cadence } from "@/lib/subscription";
import type { TrendingDigestOptions, TrendingDigestReport } from "@/server/digest/digest-run";
import { runTrendingDigest } from "@/server/digest/trending-digest";

export interface DueDigestsOptions extends Omit<TrendingDigestOptions, "cadence"> {
  /** Default: every cadence (daily digests go out on weekdays only). */
  cadences?: readonly Cadence[];
}

/**
 * Sends what is due now for each cadence, one after the other: the single entry point of the
 * `npm run digest` CLI and the cron route. A time budget is shared by the cadences; whatever is
 * left when it runs out stays queued for the next run.
 */
export async function runDueDigests({ cadences = CADENCES, timeBudgetMs, ...options }: DueDigestsOptions): Promise<TrendingDigestReport[]> {
  const deadline = options.now().getTime() + (timeBudgetMs ?? Number.POSITIVE_INFINITY);
  const reports: TrendingDigestReport[] = [];
  for (const cadence of cadences) {
    reports.push(await runTrendingDigest({ ...options, cadence, timeBudgetMs: Math.max(0, deadline - options.now().getTime()) }));
  }
  return reports;
}
