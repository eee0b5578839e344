// `npm run bench:import [-- --papers 100000]`: times the importer (`importDailyPaperFiles`, the path
// of `npm run import` and the sync) into a fresh database, then a second time (every paper
// unchanged), and prints the figures. By default it imports the bundled demo days (876 items in
// 36 files); with --papers N, N papers built from them with new arXiv ids, 700 per daily file.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { addDays } from "@/lib/dates";
import { createDb } from "@/server/db";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { migrate } from "../scripts/lib/database";

const DATABASE = "daily_papers_bench_import";
const PER_FILE = 700;

const argsSchema = z.object({ papers: z.coerce.number().int().min(1).max(1_000_000).optional() });

/** N papers in Hugging Face's daily-papers format, cycling through the demo items with fresh ids. */
function writeSyntheticDays(papers: number): string {
  const demo = listDemoItems();
  const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
  for (let start = 0, day = 0; start < papers; start += PER_FILE, day += 1) {
    const date = addDays("2027-01-01", day);
    const items = Array.from({ length: Math.min(PER_FILE, papers - start) }, (_, offset) => {
      const index = start + offset;
      const template = demo[index % demo.length]!;
      // New-style ids: YYMM.NNNNN, 90,000 per month from 2701.
      const id = `${2701 + Math.floor(index / 90_000)}.${10_000 + (index % 90_000)}`;
      return { ...template, paper: { ...template.paper, id, submittedOnDailyAt: `${date}T08:00:00.000Z` } };
    });
    writeFileSync(join(dir, `${date}.json`), JSON.stringify(items));
  }
  return dir;
}

function listDemoItems(): { paper: Record<string, unknown> }[] {
  const dir = "prisma/demo";
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .flatMap((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as { paper: Record<string, unknown> }[]);
}

async function main() {
  const { values } = parseArgs({ options: { papers: { type: "string" } } });
  const args = argsSchema.parse(values);
  const serverUrl = new URL(env.DATABASE_URL!);
  serverUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  await migrate(url.toString());
  const db = createDb(url.toString());
  try {
    const source = args.papers ? writeSyntheticDays(args.papers) : "prisma/demo";
    const files = await listImportFiles([source]);
    for (const run of ["first import (all new)", "second import (all unchanged)"]) {
      let peakRss = 0;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
      const started = performance.now();
      const summary = await importDailyPaperFiles(db, files);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const items = summary.created + summary.updated + summary.unchanged;
      console.log(
        `${run}: ${files.length} files, ${items.toLocaleString("en-US")} items in ${seconds.toFixed(2)} s ` +
          `(${(items / seconds).toFixed(0)} items/s, ${((seconds * 1000) / files.length).toFixed(1)} ms/file; ` +
          `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB)`,
      );
    }
  } finally {
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
