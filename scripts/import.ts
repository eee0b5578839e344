// `npm run import -- <file-or-folder>... | --hf --date D | --hf --since D [--until D] | --arxiv ID...`
import { parseArgs } from "node:util";
import { z } from "zod";
import { env } from "@/env";
import { parseArxivId } from "@/lib/arxiv-id";
import { eachDay, isoDateSchema, toIsoDate } from "@/lib/dates";
import { createDb } from "@/server/db";
import { importArxivIds } from "@/server/ingest/import-arxiv";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { importHfDays } from "@/server/ingest/import-hf";
import type { ImportProgress, ImportSummary } from "@/server/ingest/import-report";

const USAGE = `Usage:
  npm run import -- <file-or-folder>...                 files in the format of HF /api/daily_papers
  npm run import -- --hf --date 2026-06-01              one day, live from Hugging Face (HF_API_URL)
  npm run import -- --hf --since 2026-06-01 [--until 2026-06-07]
  npm run import -- --arxiv 2401.00001 [more ids or arXiv URLs] [--date YYYY-MM-DD]   from arXiv (ARXIV_API_URL)`;

const MAX_DAYS = 366;

const argsSchema = z
  .object({
    hf: z.boolean().default(false),
    arxiv: z.boolean().default(false),
    date: isoDateSchema.optional(),
    since: isoDateSchema.optional(),
    until: isoDateSchema.optional(),
    positionals: z.array(z.string()),
  })
  .superRefine((args, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: "custom", message });
    if (args.hf && args.arxiv) issue("use either --hf or --arxiv, not both");
    if (args.hf) {
      if (args.positionals.length > 0) issue("--hf takes no file arguments");
      if (!args.date && !args.since) issue("--hf needs --date or --since");
      if (args.date && (args.since || args.until)) issue("use --date or --since/--until, not both");
      if (args.since && args.until && args.since > args.until) issue("--since must not be after --until");
    } else if (args.arxiv) {
      if (args.positionals.length === 0) issue("--arxiv needs at least one arXiv id");
      if (args.since || args.until) issue("--since/--until only apply to --hf");
      args.positionals.forEach((id) => {
        if (parseArxivId(id) === null) issue(`"${id}" is not an arXiv id (expected e.g. 2401.00001 or hep-th/9901001)`);
      });
    } else {
      if (args.positionals.length === 0) issue("give at least one file or folder, or --hf/--arxiv");
      if (args.date || args.since || args.until) issue("--date/--since/--until need --hf or --arxiv");
    }
  });

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      hf: { type: "boolean" },
      arxiv: { type: "boolean" },
      date: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return null;
  return argsSchema.parse({ ...values, positionals });
}

const progress: ImportProgress = {
  onSource({ position, total, source, papers, result, skipped }) {
    const counts = `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`;
    const skippedNote = skipped.length > 0 ? `, ${skipped.length} skipped` : "";
    console.log(`[${position}/${total}] ${source}: ${papers} papers (${counts}${skippedNote})`);
  },
  onRetry: (message) => console.log(`  ${message}`),
};

function printSummary(summary: ImportSummary, seconds: number) {
  for (const item of summary.skipped) {
    const where = [item.source, item.index === null ? null : `item ${item.index}`, item.paperId].filter(Boolean).join(", ");
    console.error(`skipped: ${where}: ${item.reason}`);
  }
  console.log(
    `Done in ${seconds.toFixed(1)} s: ${summary.created} papers created, ${summary.updated} updated, ` +
      `${summary.unchanged} unchanged, ${summary.skipped.length} skipped (${summary.sources} sources).`,
  );
}

async function main() {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues.map((issue) => issue.message).join("\n") : (error as Error).message;
    console.error(`${message}\n\n${USAGE}`);
    return 2;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set; run this through `npm run import`.");
  const db = createDb(env.DATABASE_URL);
  const started = performance.now();
  try {
    let summary: ImportSummary;
    if (args.hf) {
      const dates = args.date ? [args.date] : eachDay(args.since!, args.until ?? toIsoDate(new Date()));
      if (dates.length > MAX_DAYS) {
        console.error(`That is ${dates.length} days; import at most ${MAX_DAYS} days per run.`);
        return 2;
      }
      console.log(`Fetching ${dates.length} day(s) from ${env.HF_API_URL}`);
      summary = await importHfDays(db, { apiUrl: env.HF_API_URL, dates }, progress);
    } else if (args.arxiv) {
      const ids = args.positionals.map((id) => parseArxivId(id)!);
      summary = await importArxivIds(db, { apiUrl: env.ARXIV_API_URL, ids, feedDate: args.date ?? toIsoDate(new Date()) }, progress);
    } else {
      const files = await listImportFiles(args.positionals);
      console.log(`Importing ${files.length} file(s)`);
      summary = await importDailyPaperFiles(db, files, progress);
    }
    printSummary(summary, (performance.now() - started) / 1000);
    return summary.skipped.length > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
