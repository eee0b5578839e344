// `npm run digest -- [--cadence daily|weekly] [--now 2026-11-30T07:00:00Z]`: sends the digests due
// now (both cadences unless one is named) and prints the job's report as JSON. Exits 1 when a
// delivery failed for good, so cron mails the operator.
import { parseArgs } from "node:util";
import { z } from "zod";
import { env } from "@/env";
import { CADENCES, cadenceSchema } from "@/lib/subscription";
import { db } from "@/server/db";
import { createDefaultMailer } from "@/server/email/default-mailer";
import { runTrendingDigest, type TrendingDigestReport } from "./trending-digest";

const USAGE = `Usage: npm run digest -- [--cadence daily|weekly] [--now <ISO time>]
  --cadence   send only this cadence (default: both; daily digests go out on weekdays)
  --now       pretend the clock reads this time (to re-send a missed day's digest)`;

const argsSchema = z.object({
  cadence: cadenceSchema.optional(),
  now: z.iso.datetime({ offset: true, error: "--now must be an ISO 8601 time such as 2026-11-30T07:00:00Z" }).optional(),
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
    const message = error instanceof z.ZodError ? error.issues.map((issue) => issue.message).join("; ") : (error as Error).message;
    console.error(`${message}\n${USAGE}`);
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
  const reports: TrendingDigestReport[] = [];
  try {
    for (const cadence of args.cadence ? [args.cadence] : CADENCES) {
      reports.push(
        await runTrendingDigest({
          db,
          mailer,
          now: () => new Date(Date.now() + offsetMs),
          cadence,
          origin: env.NEXTAUTH_URL,
          digestSize: env.DIGEST_SIZE,
          concurrency: env.DIGEST_CONCURRENCY,
        }),
      );
    }
  } finally {
    mailer.close();
    await db.$disconnect();
  }
  console.log(JSON.stringify({ reports, seconds: (Date.now() - started) / 1000 }, null, 2));
  return reports.some((report) => report.failed > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
