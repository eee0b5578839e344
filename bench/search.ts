// `npm run bench:search`: cold full-text search latency on the seeded benchmark database, straight
// through the query function (no page, no cache): each word is searched once, after a warm-up on
// another query, so no result is cached. Prints p50/p95 per word class.
import { parseArgs } from "node:util";
import { env } from "@/env";
import { createDb } from "@/server/db";
import { searchPapers } from "@/server/papers/search";
import { benchDatabaseUrl, databaseNameSchema } from "./support/database";
import { percentile } from "./support/load";
import { migrate } from "../scripts/lib/database";

// Common words match a large share of papers; rare ones a handful. Checked against the seed.
const WORDS = {
  common: [
    "learning",
    "model",
    "language",
    "data",
    "training",
    "performance",
    "large",
    "method",
    "network",
    "neural",
    "results",
    "task",
    "image",
    "approach",
    "framework",
    "benchmark",
    "reasoning",
    "agents",
    "generation",
    "evaluation",
  ],
  rare: ["spectroscopy", "photonic", "glacier", "sommelier", "cryptocurrency", "auction", "tokamak", "seismic"],
};

async function main() {
  const { values } = parseArgs({ options: { database: { type: "string" } } });
  const database = databaseNameSchema.parse(values.database);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:search`, which provides DATABASE_URL.");
  const url = benchDatabaseUrl(env.DATABASE_URL, database);
  await migrate(url);
  const db = createDb(url);
  try {
    const papers = await db.paper.count();
    // One common and one rare word first, so the first measured word does not pay for connecting and warming the plans.
    await searchPapers(db, "transformer");
    await searchPapers(db, "zeolite");
    console.log(`${papers.toLocaleString("en-US")} papers`);
    for (const [kind, words] of Object.entries(WORDS)) {
      const timings: number[] = [];
      const byWord: [string, number][] = [];
      let hits = 0;
      for (const word of words) {
        const started = performance.now();
        const result = await searchPapers(db, word);
        timings.push(performance.now() - started);
        byWord.push([word, timings.at(-1)!]);
        hits += result.hits.length;
      }
      const slowest = byWord
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([word, ms]) => `${word} ${ms.toFixed(0)} ms`);
      console.log(
        `${kind} words: p50 ${percentile(timings, 50).toFixed(0)} ms, p95 ${percentile(timings, 95).toFixed(0)} ms, max ${Math.max(...timings).toFixed(0)} ms over ${words.length} words (${hits} hits shown; slowest: ${slowest.join(", ")})`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
