// `npm run bench:digest [-- --subscribers 10000 --concurrency 5]`: how long a digest to N confirmed
// subscribers takes against a real local SMTP server (smtp-server on loopback, in a process of its
// own), with the same job, pooled transport and database as production, next to raw nodemailer
// sending as many messages of the same size. Works in a throw-away database on the configured
// PostgreSQL server (daily_papers_bench_digest), dropped afterwards. Prints figures; asserts nothing.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import nodemailer from "nodemailer";
import { z } from "zod";
import { env } from "@/env";
import { createDb } from "@/server/db";
import { runTrendingDigest } from "@/server/digest/trending-digest";
import { createSmtpMailer } from "@/server/email/mailer";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { benchDatabaseUrl, dropBenchDatabase, recreateBenchDatabase } from "./support/database";
import { migrate } from "../scripts/lib/database";
import { PROJECT_ROOT } from "../scripts/lib/project-root";

// Its own database: the seeded one of `npm run bench:seed` stays as it is.
const BENCH_DATABASE = "daily_papers_bench_digest";
// The demo data's busiest recent day is a Friday; the Monday digest covers Friday to Sunday.
const BENCH_NOW = new Date("2026-06-15T07:00:00Z");

const argsSchema = z.object({
  subscribers: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  concurrency: z.coerce.number().int().min(1).max(50).default(env.DIGEST_CONCURRENCY),
});

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// Enough messages for a steady rate without doubling the run.
const CEILING_MESSAGES = 20_000;

/**
 * The ceiling: nodemailer alone, pooled as the digest's mailer is, sending messages of the digest's
 * average size as fast as `concurrency` senders can, with no database and no rendering.
 */
async function rawNodemailerCeiling(smtpUrl: string, concurrency: number, messages: number, bytes: number) {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port),
    secure: false,
    pool: true,
    maxConnections: concurrency,
  });
  const half = "<p>A paper about learning.</p>".repeat(Math.max(1, Math.round(bytes / 2 / 30)));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < messages) {
        const index = next++;
        await transport.sendMail({
          from: "Daily Papers <bench@localhost>",
          to: `ceiling${index}@bench.example`,
          subject: "Trending papers",
          html: half,
          text: half,
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { messages, seconds: Number(seconds.toFixed(2)), messagesPerSecond: Math.round(messages / seconds) };
}

/** The SMTP server in its own process (bench/support/smtp-sink.ts), so it does not share this one's CPU. */
async function startSmtpSink() {
  const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "bench", "support", "smtp-sink.ts")], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const nextLine = () => new Promise<string>((resolve) => lines.once("line", resolve));
  const port = Number(/^ready (\d+)$/.exec(await nextLine())?.[1]);
  return {
    url: `smtp://127.0.0.1:${port}`,
    async counts(): Promise<{ messages: number; bytes: number }> {
      const answer = nextLine();
      child.stdin!.write("count\n");
      return JSON.parse(await answer) as { messages: number; bytes: number };
    },
    close: () => child.stdin!.end(),
  };
}

async function main() {
  const { values } = parseArgs({ options: { subscribers: { type: "string" }, concurrency: { type: "string" } } });
  const args = argsSchema.parse(values);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:digest`, which provides DATABASE_URL.");

  console.log(`Preparing ${BENCH_DATABASE}: migrations, demo papers, ${args.subscribers.toLocaleString("en-US")} confirmed subscribers...`);
  await recreateBenchDatabase(env.DATABASE_URL, BENCH_DATABASE);
  const url = benchDatabaseUrl(env.DATABASE_URL, BENCH_DATABASE);
  await migrate(url);
  const db = createDb(url);
  const smtp = await startSmtpSink();
  const mailer = createSmtpMailer(smtp.url, "Daily Papers <bench@localhost>", { pool: true, maxConnections: args.concurrency });
  const sendDueDigest = () =>
    runTrendingDigest({
      db,
      mailer,
      now: () => BENCH_NOW,
      cadence: "DAILY",
      siteUrl: "https://papers.example.org",
      concurrency: args.concurrency,
    });
  try {
    await importDailyPaperFiles(db, await listImportFiles([join(PROJECT_ROOT, "prisma", "demo")]));
    await db.$executeRaw`
      INSERT INTO "Subscriber" (id, email, status, cadence, "manageToken", "confirmedAt")
      SELECT 'bench-' || n, 'reader' || n || '@bench.example', 'CONFIRMED', 'DAILY', md5('bench' || n) || md5('token' || n), now()
      FROM generate_series(1, ${args.subscribers}) AS n`;

    let peakRss = 0;
    let peakHeap = 0;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 50);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const report = await sendDueDigest();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);

    const rerunStarted = performance.now();
    const rerun = await sendDueDigest();
    const rerunSeconds = (performance.now() - rerunStarted) / 1000;

    const counts = await smtp.counts();
    const averageBytes = counts.bytes / Math.max(1, counts.messages);
    console.log(
      JSON.stringify(
        {
          subscribers: args.subscribers,
          concurrency: args.concurrency,
          papersInPeriod: report.papers,
          report: {
            sent: report.sent,
            skipped: report.skipped,
            retried: report.retried,
            failed: report.failed,
            remaining: report.remaining,
          },
          smtpAccepted: counts.messages,
          averageMessageSize: `${(averageBytes / 1024).toFixed(1)} kB`,
          seconds: Number(seconds.toFixed(2)),
          messagesPerSecond: Math.round(report.sent / seconds),
          peakRss: mb(peakRss),
          peakHeapUsed: mb(peakHeap),
          heapUsedBefore: mb(heapBefore),
          rerunSameDay: { sent: rerun.sent, seconds: Number(rerunSeconds.toFixed(2)) },
          ceiling: await rawNodemailerCeiling(smtp.url, args.concurrency, Math.min(args.subscribers, CEILING_MESSAGES), averageBytes),
        },
        null,
        2,
      ),
    );
  } finally {
    mailer.close();
    smtp.close();
    await db.$disconnect();
    await dropBenchDatabase(env.DATABASE_URL, BENCH_DATABASE);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
