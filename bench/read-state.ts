// `npm run bench:read-state [-- --database daily_papers_bench_10k --iterations 40 --others 3]`: a
// reader's read state on the seeded benchmark database. Gives one reader a year of daily use
// (250,000 seen papers, 2,000 hidden; `--others` more readers as big share the tables), then times,
// straight through the query functions (no page, no cache), p50/p95:
//   - getReadState for a 50-card page;
//   - the latest day's first page as PaperList renders it today (page, votes, saves), and with the
//     read state (seen, hidden, the visit, the "new since" lookup): the goal is within 2x of the
//     page alone, uncached (its order snapshot is computed afresh every call) and with the order reused;
//   - /papers/new (getNewSinceLastVisit) from an import ~500,000 papers back, first and a deep page;
//   - the account export with the 250,000 rows, and deleting an account with as many.
// Then EXPLAIN (ANALYZE, BUFFERS) of the read-state and new-papers statements.
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { parsePeriod } from "@/lib/periods";
import { deleteUserAccount, exportUserData } from "@/server/accounts/account-data";
import { createDb, type Db } from "@/server/db";
import { getSavedPaperIds } from "@/server/library/library";
import { getLatestFeedDate, getPeriodFeed } from "@/server/papers/feed";
import { getNewSinceLastVisit, newPapersCursorSchema } from "@/server/triage/new-papers";
import { getReadState, recordVisit } from "@/server/triage/read-state";
import { listReadState } from "@/server/triage/viewer";
import { getUpvotedPaperIds } from "@/server/votes/votes";
import { benchDatabaseUrl, databaseNameSchema } from "./support/database";
import { latencyStats, percentile, timeCalls } from "./support/load";
import { migrate } from "../scripts/lib/database";

const SEEN = 250_000;
const HIDDEN = 2_000;

const argsSchema = z.object({
  database: databaseNameSchema,
  iterations: z.coerce.number().int().min(5).max(500).default(40),
  /** Other readers with as many rows, so the tables and their indexes are not one reader's alone. */
  others: z.coerce.number().int().min(0).max(20).default(3),
});

/** A reader with `seen` seen and `hidden` hidden papers, drawn at random over the whole table (today's too). */
async function prepareReader(client: pg.Client, email: string, seen: number, hidden: number, papers: number): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "User" ("id", "email") VALUES ($1, $2) ON CONFLICT ("email") DO UPDATE SET "email" = EXCLUDED."email" RETURNING "id"`,
    [`bench-reader-${email}`, email],
  );
  const userId = rows[0]!.id;
  const existing = await client.query<{ seen: number; hidden: number }>(
    `SELECT (SELECT count(*) FROM "PaperSeen" WHERE "userId" = $1)::int AS seen, (SELECT count(*) FROM "PaperHidden" WHERE "userId" = $1)::int AS hidden`,
    [userId],
  );
  if (Math.abs(existing.rows[0]!.seen - seen) < seen * 0.02 && Math.abs(existing.rows[0]!.hidden - hidden) < Math.max(50, hidden * 0.1))
    return userId;
  await client.query(`DELETE FROM "PaperSeen" WHERE "userId" = $1`, [userId]);
  await client.query(`DELETE FROM "PaperHidden" WHERE "userId" = $1`, [userId]);
  // Seen over the last year of reading: times spread over a year.
  await client.query(
    `INSERT INTO "PaperSeen" ("userId", "paperId", "seenAt")
     SELECT $1, p."id", now() - random() * interval '365 days' FROM "Paper" p WHERE random() < $2::float8
     ON CONFLICT DO NOTHING`,
    [userId, Math.min(1, seen / papers)],
  );
  await client.query(
    `INSERT INTO "PaperHidden" ("userId", "paperId", "hiddenAt")
     SELECT $1, p."id", now() - random() * interval '365 days' FROM "Paper" p WHERE random() < $2::float8
     ON CONFLICT DO NOTHING`,
    [userId, Math.min(1, hidden / papers)],
  );
  return userId;
}

async function explain(client: pg.Client, title: string, sql: string, values: unknown[]) {
  const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) ${title}:`);
  for (const row of plan.rows) console.log(`  ${row["QUERY PLAN"]}`);
}

async function main() {
  const { values } = parseArgs({ options: { database: { type: "string" }, iterations: { type: "string" }, others: { type: "string" } } });
  const args = argsSchema.parse(values);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:read-state`, which provides DATABASE_URL.");
  const url = benchDatabaseUrl(env.DATABASE_URL, args.database);
  await migrate(url);
  const db: Db = createDb(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const papers = await db.paper.count();
    const latest = await getLatestFeedDate(db);
    if (!latest || papers === 0) throw new Error(`${args.database} is empty: run \`npm run bench:seed\` first.`);
    const scale = Math.min(1, papers / 1_000_000);
    const seenTarget = Math.round(SEEN * scale);
    const hiddenTarget = Math.round(HIDDEN * scale);

    const prepared = performance.now();
    const userId = await prepareReader(client, "bench-read-state@example.com", seenTarget, hiddenTarget, papers);
    for (let other = 0; other < args.others; other++)
      await prepareReader(client, `bench-read-state-${other}@example.com`, seenTarget, hiddenTarget, papers);
    await client.query(`ANALYZE "PaperSeen"`);
    await client.query(`ANALYZE "PaperHidden"`);
    const [counts] = (
      await client.query<{ seen: number; hidden: number; all_seen: number }>(
        `SELECT (SELECT count(*) FROM "PaperSeen" WHERE "userId" = $1)::int AS seen,
                (SELECT count(*) FROM "PaperHidden" WHERE "userId" = $1)::int AS hidden,
                (SELECT count(*) FROM "PaperSeen")::int AS all_seen`,
        [userId],
      )
    ).rows;
    console.log(
      `${args.database}: ${papers.toLocaleString("en-US")} papers; the reader has ${counts!.seen.toLocaleString("en-US")} seen and ` +
        `${counts!.hidden.toLocaleString("en-US")} hidden papers; PaperSeen holds ${counts!.all_seen.toLocaleString("en-US")} rows ` +
        `(${args.others} other readers); prepared in ${((performance.now() - prepared) / 1000).toFixed(1)} s. ` +
        `${args.iterations} calls each after one warm-up.\n`,
    );

    const period = parsePeriod("date", latest)!;
    const now = new Date(`${latest}T12:00:00Z`);
    const clearSnapshots = () => client.query(`DELETE FROM "FeedSnapshot" WHERE "listKey" LIKE $1`, [`%date:${latest}:%`]);
    const page = await getPeriodFeed(db, period, "trending", now);
    const ids = page.papers.map((paper) => paper.id);
    const state = await getReadState(db, userId, ids);
    console.log(
      `Day ${latest}: ${page.total} papers, first page ${ids.length} cards, ${state.seen.size} of them seen, ${state.hidden.size} hidden.`,
    );

    const results: [string, number[]][] = [];
    const measure = async (name: string, calls: Promise<number[]>) => {
      const timings = await calls;
      results.push([name, timings]);
      console.log(`${name}: ${latencyStats(timings)}`);
      return timings;
    };
    // The visit is recorded once per render; a clock moving 10 minutes a call keeps it within one visit.
    const visitAt = (iteration: number) => new Date(now.getTime() + (iteration + 2) * 600_000);
    const pageAlone = () => getPeriodFeed(db, period, "trending", now);
    const pageAsToday = async () => {
      const feed = await pageAlone();
      const pageIds = feed.papers.map((paper) => paper.id);
      await Promise.all([getUpvotedPaperIds(db, userId, pageIds), getSavedPaperIds(db, userId, pageIds)]);
    };
    const pageWithReadState = async (iteration: number) => {
      const feed = await pageAlone();
      const pageIds = feed.papers.map((paper) => paper.id);
      await Promise.all([
        getUpvotedPaperIds(db, userId, pageIds),
        getSavedPaperIds(db, userId, pageIds),
        listReadState(db, userId, pageIds, recordVisit(db, userId, visitAt(iteration)), { marker: true }),
      ]);
    };

    await measure(
      "getReadState, 50 ids",
      timeCalls(args.iterations, () => getReadState(db, userId, ids)),
    );
    await measure(
      "read state as a list applies it (seen, hidden, visit, new-since lookup)",
      timeCalls(args.iterations, (i) => listReadState(db, userId, ids, recordVisit(db, userId, visitAt(i)), { marker: true })),
    );
    // The three variants take turns within each iteration, so the machine's load drifting during
    // the run weighs on all of them alike.
    const variants = [
      ["page alone (getPeriodFeed)", pageAlone],
      ["page + votes + saves (PaperList today)", pageAsToday],
      ["page + votes + saves + read state", pageWithReadState],
    ] as const;
    const interleaved = async (before?: () => Promise<unknown>) => {
      const timings: number[][] = variants.map(() => []);
      for (let i = -1; i < args.iterations; i++) {
        for (let turn = 0; turn < variants.length; turn++) {
          const index = (turn + Math.max(i, 0)) % variants.length;
          if (before) await before();
          const started = performance.now();
          await variants[index]![1](i);
          if (i >= 0) timings[index]!.push(performance.now() - started);
        }
      }
      variants.forEach(([name], index) => {
        results.push([name, timings[index]!]);
        console.log(`  ${name}: ${latencyStats(timings[index]!)}`);
      });
      return timings as [number[], number[], number[]];
    };
    console.log("\nThe day's first page, its order computed afresh each call (uncached):");
    const uncached = await interleaved(clearSnapshots);
    console.log("The same, the order reused from a snapshot (a burst of views within a minute):");
    const reused = await interleaved();
    for (const [label, [alone, today, withState]] of [
      ["uncached", uncached],
      ["order reused", reused],
    ] as const) {
      const ratio = (total: number[], base: number[], p: number) => (percentile(total, p) / percentile(base, p)).toFixed(2);
      console.log(
        `${label}: page + read state over the page alone p50 ${ratio(withState, alone, 50)}x, p95 ${ratio(withState, alone, 95)}x ` +
          `(goal: within 2x: ${percentile(withState, 95) <= 2 * percentile(alone, 95) ? "met" : "NOT met"}); ` +
          `over PaperList today p50 ${ratio(withState, today, 50)}x, p95 ${ratio(withState, today, 95)}x`,
      );
    }

    // /papers/new: "since" at the start of an import about half the table back (the seed imports in batches).
    const { rows: batches } = await client.query<{ createdAt: Date }>(
      `SELECT DISTINCT "createdAt" FROM "Paper" ORDER BY "createdAt" LIMIT 1000`,
    );
    // Just before the middle import (the first when there is only one).
    const since = new Date(batches[Math.floor(batches.length / 2)]!.createdAt.getTime() - 1);
    const firstNew = await getNewSinceLastVisit(db, userId, { since });
    let deep = firstNew;
    for (let i = 0; i < 5 && deep.nextCursor; i++)
      deep = await getNewSinceLastVisit(db, userId, { since, cursor: newPapersCursorSchema.parse(deep.nextCursor) });
    const deepCursor = newPapersCursorSchema.parse(deep.nextCursor ?? firstNew.nextCursor);
    console.log(
      `\n/papers/new since ${since.toISOString()}: ${firstNew.remaining.toLocaleString("en-US")}${firstNew.capped ? "+" : ""} papers (the count stops at the cap)`,
    );
    await measure(
      "  first page",
      timeCalls(args.iterations, () => getNewSinceLastVisit(db, userId, { since })),
    );
    await measure(
      `  page ${deepCursor.offset / 50 + 1} (keyset inside one import)`,
      timeCalls(args.iterations, () => getNewSinceLastVisit(db, userId, { since, cursor: deepCursor })),
    );

    const exported = performance.now();
    const data = await exportUserData(db, userId);
    const json = JSON.stringify(data, null, 2);
    console.log(
      `\nAccount export: ${data.seenPapers.length.toLocaleString("en-US")} seen rows, ${(json.length / 1e6).toFixed(1)} MB of JSON, ` +
        `${(performance.now() - exported).toFixed(0)} ms`,
    );

    // Deleting such an account: a copy of the reader, so the next run finds the reader as it is.
    const leaving = `bench-read-state-leaving-${Date.now()}`;
    await client.query(`INSERT INTO "User" ("id", "email") VALUES ($1, $2)`, [leaving, `${leaving}@example.com`]);
    await client.query(`INSERT INTO "PaperSeen" SELECT $1, "paperId", "seenAt" FROM "PaperSeen" WHERE "userId" = $2`, [leaving, userId]);
    await client.query(`INSERT INTO "PaperHidden" SELECT $1, "paperId", "hiddenAt" FROM "PaperHidden" WHERE "userId" = $2`, [
      leaving,
      userId,
    ]);
    const deleting = performance.now();
    await deleteUserAccount(db, leaving);
    console.log(`Account deletion with as many rows (the cascade): ${(performance.now() - deleting).toFixed(0)} ms`);

    await explain(
      client,
      "of getReadState (50 ids)",
      `SELECT 'seen' AS "kind", s."paperId" FROM "PaperSeen" s WHERE s."userId" = $1 AND s."paperId" = ANY($2::text[])
       UNION ALL
       SELECT 'hidden', h."paperId" FROM "PaperHidden" h WHERE h."userId" = $1 AND h."paperId" = ANY($2::text[])`,
      [userId, ids],
    );
    await explain(
      client,
      "of getNewSinceLastVisit's page (deep cursor)",
      `SELECT p."id", p."createdAt" FROM "Paper" p
       WHERE (p."createdAt", p."id") > ($2::timestamp, $3) AND p."createdAt" > $4::timestamp AND p."hiddenAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "PaperHidden" h WHERE h."userId" = $1 AND h."paperId" = p."id" OFFSET 0)
       ORDER BY p."createdAt", p."id" LIMIT 51`,
      [userId, deepCursor.createdAt.toISOString(), deepCursor.id, since.toISOString()],
    );
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
