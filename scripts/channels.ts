// `npm run channels -- [--now 2026-06-17T08:00:00Z]`: posts what the chat channels are owed now
// (daily tops, new papers of a topic, reading-group sessions), one line per edition on stderr and
// the report as JSON on stdout. Exits 1 when an edition failed for good or a channel's secret
// could not be read, so cron mails the operator. Safe to run as often as you like.
import { parseArgs } from "node:util";
import { z } from "zod";
import { env, siteUrl } from "@/env";
import { runChannelPosts } from "@/server/channels/channel-run";
import { db } from "@/server/db";
import { describeArgumentError } from "./lib/argument-error";

const USAGE = `Usage: npm run channels -- [--now <ISO time>]
  --now   pretend the clock reads this time (to post a missed day's top papers)`;

const argsSchema = z.object({
  now: z.iso.datetime({ offset: true, error: "must be an ISO 8601 time such as 2026-11-30T08:00:00Z" }).optional(),
});

function parseCommandLine(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { now: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) return null;
  return argsSchema.parse({ now: values.now });
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
  try {
    const report = await runChannelPosts(db, {
      siteUrl,
      key: env.CHANNEL_SECRET_KEY,
      now: () => new Date(Date.now() + offsetMs),
      onProgress: (line) => console.error(line),
    });
    console.log(JSON.stringify(report, null, 2));
    return report.failed > 0 || report.unreadable > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Channel posts failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
