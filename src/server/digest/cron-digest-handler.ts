import "server-only";
import { z } from "zod";
import { cadenceSchema } from "@/lib/subscription";
import type { Db } from "@/server/db";
import type { TrendingDigestOptions } from "@/server/digest/digest-run";
import { runDueDigests } from "@/server/digest/run-due-digests";
import type { Mailer } from "@/server/email/mailer";
import { assertCronRequest } from "@/server/http/cron-auth";
import { handleErrors, parseOrThrow } from "@/server/http/errors";

export interface CronDigestDeps {
  db: Db;
  mailer: () => Mailer;
  cronSecret: string | undefined;
  siteUrl: string;
  now?: () => Date;
  job?: Partial<Pick<TrendingDigestOptions, "digestSize" | "concurrency">>;
  /** Shared by the cadences of one request; what is left over stays queued for the next one. */
  timeBudgetMs?: number;
}

const querySchema = z.object({ cadence: cadenceSchema.optional() });

/**
 * GET /api/cron/trending-digest[?cadence=daily|weekly]: the scheduler's entry point, a thin shell
 * around the job. Without `cadence` both cadences run (daily digests only on weekdays).
 */
export function createCronDigestHandler(deps: CronDigestDeps) {
  return handleErrors(async (request) => {
    assertCronRequest(request.headers, deps.cronSecret);
    const { cadence } = parseOrThrow(querySchema, Object.fromEntries(new URL(request.url).searchParams));
    const mailer = deps.mailer();
    try {
      const reports = await runDueDigests({
        db: deps.db,
        mailer,
        now: deps.now ?? (() => new Date()),
        cadences: cadence ? [cadence] : undefined,
        siteUrl: deps.siteUrl,
        timeBudgetMs: deps.timeBudgetMs,
        ...deps.job,
      });
      return Response.json({ reports }, { headers: { "Cache-Control": "no-store" } });
    } finally {
      mailer.close();
    }
  });
}
