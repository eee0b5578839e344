// `npm run bench:categories [-- --database ... --iterations 30 --explain]`: category pages and list
// filters at the database (issue 21, "Scale"), on the database `npm run bench:seed` filled: each
// scenario calls the list's query function itself (getPeriodFeed, getTrendingPapers, the search),
// uncached, --iterations times one after another, and prints p50/p95/max. A search has no cache
// to avoid (searchPapers reads the database on every call). Uncached: every first page
// of a list freezes its order in a FeedSnapshot row, and a snapshot of the same list made in the
// last 60 s is reused; the harness deletes the snapshots before each call (outside the timing), so
// every call computes its order afresh as the first reader after a minute does. The neighbours
// lookup (the previous/next period with papers in the selection, selectionEdgeDay) is also timed
// alone. --explain prints EXPLAIN (ANALYZE, BUFFERS) of each scenario's order and neighbours
// queries. Asserts nothing; the goals are printed beside the figures.
import { parseArgs } from "node:util";
import { z } from "zod";
import { env } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import { addDays } from "@/lib/dates";
import { NO_FILTER, type ListFilter } from "@/lib/list-filter";
import type { PaperScope } from "@/lib/paper-scope";
import { periodContaining, type Period } from "@/lib/periods";
import { createDb, queryRows, type Db } from "@/server/db";
import { getLatestFeedDate, getPeriodFeed, getTrendingPapers, periodList } from "@/server/papers/feed";
import { selectionEdgeDay, type ListSelection } from "@/server/papers/list-condition";
import { feedOrderSql } from "@/server/papers/list-pages";
import { searchPapers, type SearchOptions } from "@/server/papers/search";
import { benchDatabaseUrl, databaseNameSchema } from "./support/database";
import { percentile } from "./support/load";
import { migrate } from "../scripts/lib/database";

const argsSchema = z.object({
  iterations: z.coerce.number().int().min(3).max(1000).default(30),
  explain: z.boolean().default(false),
  /** Only the scenarios whose name contains one of these (case-insensitive). */
  only: z.array(z.string()).default([]),
  database: databaseNameSchema,
});

const filter = (fields: Partial<ListFilter>): ListFilter => ({ ...NO_FILTER, ...fields });
const category = (value: string): PaperScope => ({ kind: "category", value });

interface Timing {
  name: string;
  /** Milliseconds of each call. */
  calls: number[];
  /** Milliseconds of the neighbours lookup alone, when the scenario has one. */
  neighbours: number[];
  /** Papers in the list (its "of N"), or a search's ranked hits (its "of N", at most 1,000). */
  size: number;
  goal: string;
}

type Scenario = {
  name: string;
  /** The whole feed's day: the other day pages' goals are relative to its p95. */
  baseline?: boolean;
  goal: (baselineP95: number | null) => string;
  run: (db: Db) => Promise<number>;
  /** The period list's order query and neighbours query, for timing and EXPLAIN. */
  period?: { period: Period; selection: ListSelection; sort: "trending" };
};

const stats = (values: number[]) =>
  values.length === 0
    ? "-"
    : `${percentile(values, 50).toFixed(1)} / ${percentile(values, 95).toFixed(1)} / ${Math.max(...values).toFixed(1)}`;

/** The neighbours query of getPeriodFeed, as it sends it. */
function neighboursSql(period: Period, selection: ListSelection): Prisma.Sql {
  return Prisma.sql`
    SELECT ${selectionEdgeDay("max", Prisma.sql`p."feedDate" < ${period.start}::date`, selection)} AS "before",
           ${selectionEdgeDay("min", Prisma.sql`p."feedDate" >= ${period.end}::date`, selection)} AS "after"`;
}

/** The order a first page freezes (the snapshot's INSERT … SELECT, without the insert). */
function orderSql(period: Period, selection: ListSelection, now: Date): Prisma.Sql {
  return Prisma.sql`SELECT coalesce(array_length(array_agg(p."id" ORDER BY ${feedOrderSql("trending", now)}), 1), 0) AS papers
    FROM "Paper" p WHERE p."hiddenAt" IS NULL AND ${periodList(period, selection).where}`;
}

const neighbourRow = z.object({ before: z.date().nullable(), after: z.date().nullable() });

async function explain(db: Db, label: string, query: Prisma.Sql) {
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, ...query.values);
  console.log(`\n#### ${label}\n\n\`\`\`\n${rows.map((row) => row["QUERY PLAN"]).join("\n")}\n\`\`\``);
}

/** A search through searchPapers, as the search page and API call it; its size is the hits ranked (at most 1,000). */
function search(name: string, words: string, options: SearchOptions, goal: string): Scenario {
  return { name, goal: () => goal, run: async (db) => (await searchPapers(db, words, options)).total };
}

function scenarios(latest: string): Scenario[] {
  const day = periodContaining("date", latest);
  // The last month with every day in it: the latest day's month is partial until its last day.
  const fullMonth = periodContaining("month", addDays(periodContaining("month", latest).start, -1));
  const oldDay = periodContaining("date", addDays(latest, -180));
  const now = new Date(`${latest}T12:00:00Z`);
  const within2x = (p95: number | null) =>
    p95 === null ? "p95 <= 2x the whole day's (not measured: add it to --only)" : `p95 <= 2x the whole day's (${(2 * p95).toFixed(1)} ms)`;
  const periodScenario = (name: string, period: Period, selection: ListSelection, goal: Scenario["goal"]): Scenario => ({
    name,
    goal,
    period: { period, selection, sort: "trending" },
    run: async (db) => (await getPeriodFeed(db, period, "trending", now, {}, selection)).total,
  });
  return [
    { ...periodScenario(`Day ${latest}, whole feed (baseline)`, day, {}, () => "baseline"), baseline: true },
    periodScenario(`Day, category cs.CL`, day, { scope: category("cs.CL") }, within2x),
    periodScenario(
      `Day, filtered: not cs.CV, not cs.RO, has code`,
      day,
      { filter: filter({ exclude: ["cs.CV", "cs.RO"], hasCode: true }) },
      within2x,
    ),
    periodScenario(`Month ${fullMonth.key}, category cs.CL`, fullMonth, { scope: category("cs.CL") }, () => "p95 < 100 ms"),
    periodScenario(`Month ${fullMonth.key}, whole feed (for comparison)`, fullMonth, {}, () => ""),
    {
      name: `Trending (${latest}), category cs.CL`,
      goal: () => "",
      run: async (db) => (await getTrendingPapers(db, now, {}, { scope: category("cs.CL") })).total,
    },
    search(`Search "learning", cat=cs.CL`, "learning", { filter: filter({ include: ["cs.CL"] }) }, "p95 < 100 ms"),
    search(`Search "model", cat=cs.CL`, "model", { filter: filter({ include: ["cs.CL"] }) }, "p95 < 100 ms"),
    search(`Search "learning", cat=cs.CL, page 2`, "learning", { filter: filter({ include: ["cs.CL"] }), page: 1 }, ""),
    search(`Search "learning", whole feed (for comparison)`, "learning", {}, ""),
    periodScenario(`Day, archive cs`, day, { scope: category("cs") }, () => "report"),
    periodScenario(`Day, rare category astro-ph.EP`, day, { scope: category("astro-ph.EP") }, () => "report"),
    periodScenario(`Day, filter: 500+ upvotes`, day, { filter: filter({ minUpvotes: 500 }) }, () => "report"),
    // Local votes fall on the newest 60 days only, and no imported count reaches 600: a day half a
    // year back has no paper with 600 upvotes, nor has any day before it.
    periodScenario(
      `Day ${oldDay.key}, rare filter: 600+ upvotes (none that old)`,
      oldDay,
      { filter: filter({ minUpvotes: 600 }) },
      () => "report",
    ),
    periodScenario(`Day, filter no paper passes: 1,000,000+ upvotes`, day, { filter: filter({ minUpvotes: 1_000_000 }) }, () => "report"),
    periodScenario(`Month ${fullMonth.key}, rare category astro-ph.EP`, fullMonth, { scope: category("astro-ph.EP") }, () => "report"),
  ];
}

async function main() {
  const { values } = parseArgs({
    options: {
      iterations: { type: "string" },
      explain: { type: "boolean" },
      only: { type: "string", multiple: true },
      database: { type: "string" },
    },
  });
  const args = argsSchema.parse(values);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:categories`, which provides DATABASE_URL.");
  const url = benchDatabaseUrl(env.DATABASE_URL, args.database);
  await migrate(url);
  const db = createDb(url);
  try {
    const papers = await db.paper.count();
    const categorized = await db.paper.count({ where: { NOT: { categories: { isEmpty: true } } } });
    if (categorized === 0)
      throw new Error(`No paper in ${args.database} has categories: run \`npm run bench:seed\` first (it fills them in place).`);
    const latest = (await getLatestFeedDate(db))!;
    const clearSnapshots = () => db.$executeRawUnsafe(`DELETE FROM "FeedSnapshot"`);
    console.log(
      `${papers.toLocaleString("en-US")} papers (${categorized.toLocaleString("en-US")} with categories), latest day ${latest}; ` +
        `${args.iterations} calls per scenario after one warm-up call, snapshots deleted before each call\n`,
    );
    const selected = scenarios(latest).filter(
      (scenario) => args.only.length === 0 || args.only.some((part) => scenario.name.toLowerCase().includes(part.toLowerCase())),
    );
    const timings: Timing[] = [];
    let baselineP95: number | null = null;
    for (const scenario of selected) {
      await clearSnapshots();
      let size = await scenario.run(db);
      const calls: number[] = [];
      const neighbours: number[] = [];
      for (let i = 0; i < args.iterations; i++) {
        await clearSnapshots();
        const started = performance.now();
        size = await scenario.run(db);
        calls.push(performance.now() - started);
        if (scenario.period) {
          const alone = performance.now();
          await queryRows(db, neighbourRow, neighboursSql(scenario.period.period, scenario.period.selection));
          neighbours.push(performance.now() - alone);
        }
      }
      if (scenario.baseline) baselineP95 = percentile(calls, 95);
      const timing = { name: scenario.name, calls, neighbours, size, goal: scenario.goal(baselineP95) };
      timings.push(timing);
      process.stderr.write(`${timing.name}: ${stats(calls)} ms\n`);
    }
    await clearSnapshots();

    console.log("| Scenario | Papers in list (hits) | p50 / p95 / max ms | Neighbours lookup alone p50 / p95 / max ms | Goal | Met |");
    console.log("|---|---|---|---|---|---|");
    for (const timing of timings) {
      const p95 = percentile(timing.calls, 95);
      const bound = /p95 <= 2x .*\(([\d.]+) ms\)|p95 < (\d+) ms/.exec(timing.goal);
      const limit = bound ? Number(bound[1] ?? bound[2]) : null;
      const met = limit === null ? "" : p95 <= limit ? "yes" : "**no**";
      console.log(
        `| ${timing.name} | ${timing.size.toLocaleString("en-US")} | ${stats(timing.calls)} | ${stats(timing.neighbours)} | ${timing.goal} | ${met} |`,
      );
    }

    if (args.explain) {
      const now = new Date(`${latest}T12:00:00Z`);
      for (const scenario of selected) {
        if (!scenario.period) continue;
        const { period, selection } = scenario.period;
        await explain(db, `${scenario.name}: the order (snapshot) query`, orderSql(period, selection, now));
        await explain(db, `${scenario.name}: the neighbours query`, neighboursSql(period, selection));
      }
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
