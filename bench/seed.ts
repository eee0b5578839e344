// `npm run bench:seed -- [--papers 1000000]`: fills the benchmark database (daily_papers_bench on
// the configured PostgreSQL server) the way an instance that syncs all of arXiv cs.* looks after a
// few years: ~670 papers a day, titles, abstracts, authors and organizations taken from the real
// recorded days in prisma/demo (so common and rare words are distributed as in real abstracts),
// Zipf-like upvotes, users with votes, and confirmed subscribers. Everything is generated inside
// PostgreSQL with set-based statements, in batches, with a progress line per batch.
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { BENCH_TODAY, benchDatabaseUrl, databaseNameSchema, loadCorpus, recreateBenchDatabase } from "./support/database";
import { migrate } from "../scripts/lib/database";
import { PROJECT_ROOT } from "../scripts/lib/project-root";

const argsSchema = z.object({
  papers: z.coerce.number().int().min(1_000).max(5_000_000).default(1_000_000),
  perDay: z.coerce.number().int().min(10).max(5_000).default(670),
  database: databaseNameSchema,
});

const BATCH = 50_000;

function progress(label: string, done: number, total: number, started: number) {
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`\r${label}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${seconds.toFixed(0)} s)   `);
  if (done >= total) process.stderr.write("\n");
}

async function main() {
  const { values } = parseArgs({ options: { papers: { type: "string" }, "per-day": { type: "string" }, database: { type: "string" } } });
  const args = argsSchema.parse({ papers: values.papers, perDay: values["per-day"], database: values.database });
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:seed`, which provides DATABASE_URL.");
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
         )
         INSERT INTO "Paper" (id, title, abstract, authors, "publishedAt", "feedDate", "submittedAt", source, "organizationName",
           "upstreamUpvotes", "upstreamComments", "mediaUrls", "aiKeywords", "updatedAt")
         SELECT to_char(g.day, 'YYMM') || '.' || lpad(((extract(day FROM g.day)::int - 1) * $4 + g.k)::text, 5, '0'),
           c.title || CASE WHEN g.n >= $5 THEN ' (' || (g.n / $5) || ')' ELSE '' END, c.abstract, c.authors,
           g.day - interval '1 day', g.day, g.day + (g.k * interval '1 minute'), 'HF_DAILY', c.org,
           floor(power(random(), 6) * 600)::int, floor(power(random(), 4) * 20)::int, '{}', '{}', now()
         FROM g JOIN corpus c ON c.i = g.n % $5`,
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
    await db.query("ANALYZE");
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
