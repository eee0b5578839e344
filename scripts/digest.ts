// `npm run digest -- [--cadence daily|weekly] [--now 2026-11-30T07:00:00Z]`: sends the digests due
// now (both cadences unless one is named) and prints the job's report as JSON. Exits 1 when a
// delivery failed for good, so cron mails the operator.
import { parseArgs } from "node:util";
import { z } from "zod";
import { env, siteUrl } from "@/env";
import { cadenceSchema } from "@/lib/subscription";
import { db } from "@/server/db";
import type { TrendingDigestReport } from "@/server/digest/digest-run";
import { runDueDigests } from "@/server/digest/run-due-digests";
import { createDefaultMailer } from "@/server/email/default-mailer";
import { describeArgumentError } from "./lib/argument-error";

const USAGE = `Usage: npm run digest -- [--cadence daily|weekly] [--now <ISO time>]
  --cadence   send only this cadence (default: both; daily digests go out on weekdays)
  --now       pretend the clock reads this time (to re-send a missed day's digest)`;

const argsSchema = z.object({
  cadence: cadenceSchema.optional(),
  now: z.iso.datetime({ offset: true, error: "must be an ISO 8601 time such as 2026-11-30T07:00:00Z" }).optional(),
});

function parseCommandLine(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { cadence: { type: "string" }, now: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) return null;
  return argsSchema.parse({ cadence: values.cadence, now: values.now });
}

async function main(): Promise<number> {
  let args: z.infer<typeof argsSchema> | null;
  try {
    args = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error(`${describeArgumentError(error)}\n${USAGE}`);
    return 2;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  // A given --now shifts the clock rather than stopping it, so claim leases still age normally.
  const offsetMs = args.now ? Date.parse(args.now) - Date.now() : 0;
  const mailer = createDefaultMailer({ pool: true, maxConnections: env.DIGEST_CONCURRENCY });
  const started = Date.now();
  let reports: TrendingDigestReport[];
  try {
    reports = await runDueDigests({
      db,
      mailer,
      now: () => new Date(Date.now() + offsetMs),
      cadences: args.cadence ? [args.cadence] : undefined,
      siteUrl,
      digestSize: env.DIGEST_SIZE,
      concurrency: env.DIGEST_CONCURRENCY,
    });
  } finally {
    mailer.close();
    await db.$disconnect();
  }
  console.log(JSON.stringify({ reports, seconds: (Date.now() - started) / 1000 }, null, 2));
  for (const report of reports) {
    const note = explainNothingSent(report);
    if (note) console.error(note);
  }
  return reports.some((report) => report.failed > 0) ? 1 : 0;
}

/** Why a run sent nothing, for the person at the terminal (the JSON stays machine-readable). */
function explainNothingSent(report: TrendingDigestReport): string | null {
  if (report.sent > 0 || report.retried > 0 || report.failed > 0) return null;
  if (!report.covers) return `${report.cadence}: daily digests go out on weekdays only.`;
  if (report.papers === 0) {
    return (
      `${report.cadence} ${report.period}: no papers were added from ${report.covers.firstDay} to ${report.covers.lastDay}, so there was nothing to send. ` +
      "To try it on older papers (e.g. the demo data), pass a past time: npm run digest -- --now 2026-06-16T07:00:00Z"
    );
  }
  return null;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
