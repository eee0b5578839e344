// `npm run bench:seed -- [--papers 1000000]`: fills the benchmark database (daily_papers_bench on
// the configured PostgreSQL server) the way an instance that syncs all of arXiv cs.* looks after a
// few years: ~670 papers a day, titles, abstracts, authors and organizations taken from the real
// recorded days in prisma/demo (so common and rare words are distributed as in real abstracts),
// arXiv categories (cs.CV/cs.LG/cs.CL heavy, ~2.3 a paper, see support/categories.ts), a GitHub
// repository or project page on ~38 % of papers, Zipf-like upvotes, users with votes, and
// confirmed subscribers. Everything is generated inside PostgreSQL with set-based statements, in
// batches, with a progress line per batch; the same arguments give the same data (seeded random()).
//
// A database seeded before categories existed (papers without categories) is not seeded again:
// its papers get their categories (and code links, when none has any) in place, in batches of
// feed days, then VACUUM ANALYZE, in minutes instead of a reseed; an interrupted fill goes on where
// it stopped. `--fresh` reseeds anyway.
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { addDays } from "@/lib/dates";
import { createCategoryFunctions, describeCategories, GITHUB_STARS_SQL } from "./support/categories";
import { BENCH_TODAY, benchDatabaseUrl, databaseNameSchema, loadCorpus, recreateBenchDatabase } from "./support/database";
import { migrate } from "../scripts/lib/database";
import { PROJECT_ROOT } from "../scripts/lib/project-root";

const argsSchema = z.object({
  papers: z.coerce.number().int().min(1_000).max(5_000_000).default(1_000_000),
  perDay: z.coerce.number().int().min(10).max(5_000).default(670),
  database: databaseNameSchema,
  fresh: z.boolean().default(false),
});

const BATCH = 50_000;
// Feed days per batch of the in-place fill: ~50,000 papers at 670 a day.
const FILL_DAYS = 75;

function progress(label: string, done: number, total: number, started: number) {
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`\r${label}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${seconds.toFixed(0)} s)   `);
  if (done >= total) process.stderr.write("\n");
}

/**
 * True when the database exists and has papers without categories: seeded before categories existed,
 * or its in-place fill was interrupted (a seed gives every paper at least its primary category).
 */
async function lacksCategories(serverUrl: string, database: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: benchDatabaseUrl(serverUrl, "postgres") });
  await admin.connect();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
    if (exists.rowCount === 0) return false;
  } finally {
    await admin.end();
  }
  const db = new pg.Client({ connectionString: benchDatabaseUrl(serverUrl, database) });
  await db.connect();
  try {
    const { rows } = await db.query<{ papers: boolean; column: boolean }>(
      `SELECT to_regclass('"Paper"') IS NOT NULL AS papers,
         EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'Paper' AND column_name = 'categories') AS column`,
    );
    if (!rows[0]!.papers) return false;
    // A database seeded before categories existed has no such column until this commit's migrations run.
    const lacking = rows[0]!.column ? `SELECT 1 FROM "Paper" WHERE categories = '{}'` : `SELECT 1 FROM "Paper"`;
    return (await db.query<{ lacking: boolean }>(`SELECT EXISTS (${lacking}) AS lacking`)).rows[0]!.lacking;
  } finally {
    await db.end();
  }
}

/**
 * Gives every paper of a database seeded before categories existed the categories (and, when no
 * paper has any, the code links) a fresh seed gives it: one set-based UPDATE per FILL_DAYS feed
 * days, newest first, each its own transaction, then VACUUM ANALYZE (the update leaves a dead copy
 * of every row, and the planner needs the new column's statistics). Safe to interrupt and run again:
 * a paper already filled is skipped.
 */
async function fillCategoriesInPlace(url: string, database: string) {
  // This commit's migrations first (the categories column and its index); once per process, as
  // the migration runner asks.
  await migrate(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const started = performance.now();
  try {
    await createCategoryFunctions(db);
    const { rows } = await db.query<{ papers: number; lacking: number; first: string; last: string; linked: boolean }>(
      `SELECT count(*)::int AS papers, (count(*) FILTER (WHERE categories = '{}'))::int AS lacking, min("feedDate")::text AS first, max("feedDate")::text AS last,
         EXISTS (SELECT 1 FROM "Paper" WHERE "githubRepo" IS NOT NULL OR "projectPage" IS NOT NULL) AS linked FROM "Paper"`,
    );
    const { papers, lacking, first, last, linked } = rows[0]!;
    console.log(
      `${database}: ${papers.toLocaleString("en-US")} papers, ${lacking.toLocaleString("en-US")} without categories; filling them in place` +
        (linked ? " (code links kept as they are)" : " with code links") +
        " (`--fresh` reseeds instead)",
    );
    const links = linked
      ? ""
      : `, "githubRepo" = pg_temp.bench_github(p.id),
         "githubStars" = CASE WHEN pg_temp.bench_github(p.id) IS NOT NULL THEN ${GITHUB_STARS_SQL("p.id")} END,
         "projectPage" = pg_temp.bench_project_page(p.id)`;
    let done = 0;
    // Newest first, as the pages read them; (from, to] in feed days.
    for (let to = last; to >= first; to = addDays(to, -FILL_DAYS)) {
      const from = addDays(to, -FILL_DAYS);
      const updated = await db.query(
        `UPDATE "Paper" p SET categories = pg_temp.bench_categories(p.id), "categoriesCheckedAt" = p."feedDate" + interval '1 day'${links}
         WHERE p."feedDate" > $1::date AND p."feedDate" <= $2::date AND p.categories = '{}'`,
        [from, to],
      );
      done += updated.rowCount ?? 0;
      progress("papers given categories", Math.min(done, lacking), lacking, started);
    }
    if (done < lacking) process.stderr.write("\n");
    process.stderr.write('VACUUM ANALYZE "Paper"…\n');
    await db.query(`VACUUM (ANALYZE) "Paper"`);
    console.log(await describeCategories(db));
    const size = await db.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s; database size ${size.rows[0]?.size}.`);
  } finally {
    await db.end();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { papers: { type: "string" }, "per-day": { type: "string" }, database: { type: "string" }, fresh: { type: "boolean" } },
  });
  const args = argsSchema.parse({ papers: values.papers, perDay: values["per-day"], database: values.database, fresh: values.fresh });
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:seed`, which provides DATABASE_URL.");
  if (!args.fresh && (await lacksCategories(env.DATABASE_URL, args.database))) {
    await fillCategoriesInPlace(benchDatabaseUrl(env.DATABASE_URL, args.database), args.database);
    return;
  }
  const users = Math.ceil(args.papers / 10);
  const votes = args.papers * 10;
  const subscribers = Math.ceil(args.papers / 10);
  console.log(
    `Seeding ${args.database}: ${args.papers.toLocaleString("en-US")} papers (${args.perDay}/day), ` +
      `${users.toLocaleString("en-US")} users, ${votes.toLocaleString("en-US")} upvotes, ${subscribers.toLocaleString("en-US")} subscribers`,
  );
  await recreateBenchDatabase(env.DATABASE_URL, args.database);
  const url = benchDatabaseUrl(env.DATABASE_URL, args.database);
  await migrate(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const started = performance.now();
  try {
    // random() draws (upvotes, votes) repeat from run to run; categories and code links come from the ids' hashes.
    await db.query(`SELECT setseed(0.21)`);
    await createCategoryFunctions(db);
    const corpus = await loadCorpus(join(PROJECT_ROOT, "prisma", "demo"));
    await db.query(
      `CREATE TEMP TABLE corpus AS SELECT (row_number() OVER () - 1)::int AS i, * FROM jsonb_to_recordset($1::jsonb)
      AS c(title text, abstract text, authors text[], org text, "orgFullName" text, "orgAvatar" text)`,
      [JSON.stringify(corpus)],
    );
    await db.query(`INSERT INTO "Organization" (name, "fullName", "avatarUrl", "updatedAt")
      SELECT DISTINCT ON (org) org, "orgFullName", "orgAvatar", now() FROM corpus WHERE org IS NOT NULL`);

    // Paper g is the (g mod perDay)th paper of day g div perDay before BENCH_TODAY. Its arXiv-style
    // id is the month and its position in the month, which stays below 100,000 at 3,000 a day.
    for (let from = 0; from < args.papers; from += BATCH) {
      const to = Math.min(args.papers, from + BATCH);
      await db.query(
        `WITH g AS (
           SELECT n, ($3::date - (n / $4)::int) AS day, (n % $4) AS k FROM generate_series($1::int, $2::int - 1) AS n
         ), paper AS (
           SELECT g.*, to_char(g.day, 'YYMM') || '.' || lpad(((extract(day FROM g.day)::int - 1) * $4 + g.k)::text, 5, '0') AS id FROM g
         )
         INSERT INTO "Paper" (id, title, abstract, authors, "publishedAt", "feedDate", "submittedAt", source, "organizationName",
           "upstreamUpvotes", "upstreamComments", "mediaUrls", "aiKeywords", categories, "categoriesCheckedAt",
           "githubRepo", "githubStars", "projectPage", "updatedAt")
         SELECT g.id, c.title || CASE WHEN g.n >= $5 THEN ' (' || (g.n / $5) || ')' ELSE '' END, c.abstract, c.authors,
           g.day - interval '1 day', g.day, g.day + (g.k * interval '1 minute'), 'HF_DAILY', c.org,
           floor(power(random(), 6) * 600)::int, floor(power(random(), 4) * 20)::int, '{}', '{}',
           pg_temp.bench_categories(g.id), g.day + interval '1 day',
           pg_temp.bench_github(g.id), CASE WHEN pg_temp.bench_github(g.id) IS NOT NULL THEN ${GITHUB_STARS_SQL("g.id")} END,
           pg_temp.bench_project_page(g.id), now()
         FROM paper g JOIN corpus c ON c.i = g.n % $5`,
        [from, to, BENCH_TODAY, args.perDay, corpus.length],
      );
      progress("papers", to, args.papers, started);
    }

    await db.query(
      `INSERT INTO "User" (id, email, name, "createdAt")
      SELECT 'bench-user-' || n, 'reader' || n || '@bench.example.org', 'Reader ' || n, now() FROM generate_series(1, $1::int) AS n`,
      [users],
    );
    // Votes fall mostly on recent, already popular papers: a power law over a paper's rank.
    const ranked = Math.min(args.papers, args.perDay * 60);
    await db.query(
      `CREATE TEMP TABLE ranked AS SELECT (row_number() OVER (ORDER BY "feedDate" DESC, "upstreamUpvotes" DESC, id) - 1)::int AS r, id
       FROM "Paper" ORDER BY "feedDate" DESC, "upstreamUpvotes" DESC, id LIMIT $1`,
      [ranked],
    );
    await db.query(`CREATE UNIQUE INDEX ON ranked (r)`);
    for (let from = 0; from < votes; from += BATCH * 4) {
      const to = Math.min(votes, from + BATCH * 4);
      await db.query(
        `WITH draw AS MATERIALIZED (
           SELECT 1 + floor(random() * $3)::int AS u, floor(power(random(), 3) * $4)::int AS r FROM generate_series($1::int, $2::int - 1)
         )
         INSERT INTO "Upvote" ("userId", "paperId", "createdAt")
         SELECT 'bench-user-' || draw.u, ranked.id, now() FROM draw JOIN ranked USING (r)
         ON CONFLICT DO NOTHING`,
        [from, to, users, ranked],
      );
      progress("upvotes", to, votes, started);
    }
    await db.query(`UPDATE "Paper" p SET "localUpvotes" = v.votes
      FROM (SELECT "paperId", count(*)::int AS votes FROM "Upvote" GROUP BY "paperId") v WHERE p.id = v."paperId"`);
    await db.query(
      `INSERT INTO "Subscriber" (id, email, status, cadence, "manageToken", "confirmedAt", "createdAt")
       SELECT 'bench-sub-' || n, 'subscriber' || n || '@bench.example.org', 'CONFIRMED',
         CASE WHEN n % 5 = 0 THEN 'WEEKLY'::"DigestCadence" ELSE 'DAILY'::"DigestCadence" END,
         rpad('bench-token-' || n, 43, 'x'), now(), now()
       FROM generate_series(1, $1::int) AS n`,
      [subscribers],
    );
    // VACUUM as well: the votes' count update left a dead copy of the newest 60 days' papers, which
    // autovacuum would clear at some point during the first measurements.
    await db.query("VACUUM (ANALYZE)");
    console.log(await describeCategories(db));
    const size = await db.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s; database size ${size.rows[0]?.size}.`);
  } finally {
    await db.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
