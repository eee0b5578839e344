// `npm run bench:recs [-- --database daily_papers_bench --readers 10000 --iterations 30]`: the
// learned for-you at scale, straight through the functions (no page, no cache):
//   - fills in every paper's vector first when some lack one (the sync's refresh, run to the end,
//     with progress and its rate), then reports what the vectors and frequencies take on disk
//     beside the whole database;
//   - gives `--readers` readers 30 saves, 10 upvotes and 5 hides each of recent papers (the active
//     readers whose rows share the tables), and one of them 300 saves and 300 hides;
//   - times, p50/p95: training a reader's model (getReaderModel with a changed signature, 30 and
//     300 saves), ranking the week with a stored model (rankForReader), and the whole for-you as the
//     page asks for it (getReaderForYou, model fresh);
//   - the heap the training and ranking use, and EXPLAIN (ANALYZE, BUFFERS) of the candidate query.
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { NO_FILTER } from "@/lib/list-filter";
import { createDb, type Db } from "@/server/db";
import { getLatestFeedDate } from "@/server/papers/feed";
import { rankForReader } from "@/server/recs/for-you";
import { getReaderForYou } from "@/server/recs/reader-for-you";
import { getReaderModel } from "@/server/recs/reader-model";
import { refreshAllPaperVectors } from "@/server/recs/refresh-vectors";
import { benchDatabaseUrl, databaseNameSchema } from "./support/database";
import { latencyStats, timeCalls, mb } from "./support/load";
import { migrate } from "../scripts/lib/database";

const argsSchema = z.object({
  database: databaseNameSchema,
  readers: z.coerce.number().int().min(1).max(100_000).default(10_000),
  iterations: z.coerce.number().int().min(5).max(500).default(30),
});

async function fillVectors(db: Db, client: pg.Client) {
  const { rows } = await client.query<{ papers: number; vectors: number }>(
    `SELECT (SELECT count(*) FROM "Paper")::int AS papers, (SELECT count(*) FROM "PaperVector")::int AS vectors`,
  );
  const { papers, vectors } = rows[0]!;
  if (vectors >= papers) return;
  console.log(`Vectorising ${(papers - vectors).toLocaleString("en-US")} papers (the sync's refresh, run to the end: npm run vectors)...`);
  await client.query(`DELETE FROM "SyncCursor" WHERE "source" = 'paper-vectors'`);
  const started = performance.now();
  let peakHeap = 0;
  let reported = 0;
  const done = await refreshAllPaperVectors(
    db,
    () => new Date(),
    (progress) => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (progress.examined - reported < 100_000 && progress.examined < papers) return;
      reported = progress.examined;
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `  ${progress.examined.toLocaleString("en-US")} of ${papers.toLocaleString("en-US")} looked at, ${progress.vectorised.toLocaleString("en-US")} vectorised, ` +
          `${seconds.toFixed(0)} s (${(progress.vectorised / seconds).toFixed(0)} a second), heap peak ${mb(peakHeap)}`,
      );
    },
  );
  console.log(`  done: ${done.vectorised.toLocaleString("en-US")} vectorised in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await client.query(`VACUUM ANALYZE "PaperVector"`);
  await client.query(`VACUUM ANALYZE "TermFrequency"`);
}

/** `count` readers with saves, upvotes and hides drawn from the last `days` days; their ids. */
async function prepareReaders(client: pg.Client, count: number, latest: string): Promise<string[]> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User" WHERE "email" LIKE 'bench-recs-%'`);
  if (rows[0]!.n < count) {
    console.log(`Preparing ${count.toLocaleString("en-US")} readers with 30 saves, 10 upvotes and 5 hides each...`);
    await client.query(
      `INSERT INTO "User" ("id", "email") SELECT 'bench-recs-' || g, 'bench-recs-' || g || '@example.com' FROM generate_series(1, $1::int) g
       ON CONFLICT DO NOTHING`,
      [count],
    );
    // Each reader keeps papers of a few days of the last month, as a reader of one field does: a
    // window of recent papers, sampled per reader.
    const recent = await client.query<{ id: string }>(
      `SELECT "id" FROM "Paper" WHERE "feedDate" > $1::date - 30 AND "feedDate" <= $1::date ORDER BY "id"`,
      [latest],
    );
    const ids = recent.rows.map((row) => row.id);
    for (let start = 1; start <= count; start += 1000) {
      const users: string[] = [];
      const saved: string[] = [];
      const kinds: string[] = [];
      for (let reader = start; reader < Math.min(count + 1, start + 1000); reader++) {
        const offset = (reader * 7919) % ids.length;
        for (let k = 0; k < 45; k++) {
          users.push(`bench-recs-${reader}`);
          saved.push(ids[(offset + k * 37) % ids.length]!);
          kinds.push(k < 30 ? "save" : k < 40 ? "upvote" : "hide");
        }
      }
      await client.query(
        `WITH input AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t("userId", "paperId", kind)),
         saves AS (INSERT INTO "SavedPaper" ("userId", "paperId") SELECT "userId", "paperId" FROM input WHERE kind = 'save' ON CONFLICT DO NOTHING),
         votes AS (INSERT INTO "Upvote" ("userId", "paperId") SELECT "userId", "paperId" FROM input WHERE kind = 'upvote' ON CONFLICT DO NOTHING)
         INSERT INTO "PaperHidden" ("userId", "paperId") SELECT "userId", "paperId" FROM input WHERE kind = 'hide' ON CONFLICT DO NOTHING`,
        [users, saved, kinds],
      );
    }
    await client.query(`ANALYZE "SavedPaper"`);
    await client.query(`ANALYZE "Upvote"`);
    await client.query(`ANALYZE "PaperHidden"`);
  }
  return Array.from({ length: count }, (_, index) => `bench-recs-${index + 1}`);
}

async function prepareHeavyReader(client: pg.Client, latest: string): Promise<string> {
  const id = "bench-recs-heavy";
  await client.query(`INSERT INTO "User" ("id", "email") VALUES ($1, 'bench-recs-heavy@example.com') ON CONFLICT DO NOTHING`, [id]);
  await client.query(
    `INSERT INTO "SavedPaper" ("userId", "paperId") SELECT $1, "id" FROM "Paper" WHERE "feedDate" > $2::date - 365 AND hashtextextended("id", 1) % 500 = 0 LIMIT 300
     ON CONFLICT DO NOTHING`,
    [id, latest],
  );
  await client.query(
    `INSERT INTO "PaperHidden" ("userId", "paperId") SELECT $1, "id" FROM "Paper" WHERE "feedDate" > $2::date - 365 AND hashtextextended("id", 2) % 500 = 0 LIMIT 300
     ON CONFLICT DO NOTHING`,
    [id, latest],
  );
  return id;
}

async function main() {
  const { values } = parseArgs({ options: { database: { type: "string" }, readers: { type: "string" }, iterations: { type: "string" } } });
  const args = argsSchema.parse(values);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:recs`, which provides DATABASE_URL.");
  const url = benchDatabaseUrl(env.DATABASE_URL, args.database);
  await migrate(url);
  const db: Db = createDb(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const latest = await getLatestFeedDate(db);
    if (!latest) throw new Error(`${args.database} is empty: run \`npm run bench:seed\` first.`);
    const now = new Date(`${latest}T12:00:00Z`);
    await fillVectors(db, client);
    const sizes = await client.query<{
      papers: number;
      vectors: string;
      frequencies: string;
      paper_table: string;
      database: string;
      terms: number;
    }>(
      `SELECT (SELECT count(*) FROM "PaperVector")::int AS papers,
              pg_total_relation_size('"PaperVector"') AS vectors, pg_total_relation_size('"TermFrequency"') AS frequencies,
              pg_total_relation_size('"Paper"') AS paper_table, pg_database_size(current_database()) AS database,
              (SELECT avg(cardinality("terms")) FROM (SELECT "terms" FROM "PaperVector" LIMIT 10000) s)::float8 AS terms`,
    );
    const size = sizes.rows[0]!;
    console.log(
      `\n${args.database}: ${size.papers.toLocaleString("en-US")} vectors (${size.terms.toFixed(1)} terms each on average): PaperVector ` +
        `${mb(Number(size.vectors))} with its index, TermFrequency ${mb(Number(size.frequencies))}; the Paper table ` +
        `${mb(Number(size.paper_table))}, the whole database ${mb(Number(size.database))} ` +
        `(vectors and frequencies: ${((100 * (Number(size.vectors) + Number(size.frequencies))) / (Number(size.database) - Number(size.vectors) - Number(size.frequencies))).toFixed(0)} % on top of the rest).`,
    );

    const readers = await prepareReaders(client, args.readers, latest);
    const heavy = await prepareHeavyReader(client, latest);
    const sample = Array.from({ length: args.iterations + 1 }, (_, index) => readers[(index * 97) % readers.length]!);
    const forget = (userId: string) => client.query(`DELETE FROM "ReaderModel" WHERE "userId" = $1`, [userId]);
    console.log(
      `\n${args.iterations} calls each after one warm-up; readers drawn from ${readers.length.toLocaleString("en-US")}; clock ${now.toISOString()}.\n`,
    );

    let heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = 0;
    const trackHeap = () => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heapBefore);
    };
    const results: [string, number[]][] = [];
    results.push([
      "train a reader's model (30 saves, 10 upvotes, 5 hides; signals read, trained, stored)",
      await timeCalls(
        args.iterations,
        async (i) => {
          await getReaderModel(db, sample[i + 1]!, now);
          trackHeap();
        },
        (i) => forget(sample[i + 1]!),
      ),
    ]);
    results.push([
      "train the heavy reader's model (300 saves, 300 hides)",
      await timeCalls(
        args.iterations,
        async () => {
          await getReaderModel(db, heavy, now);
          trackHeap();
        },
        () => forget(heavy),
      ),
    ]);
    const trainingHeap = heapPeak;
    heapBefore = process.memoryUsage().heapUsed;
    heapPeak = 0;
    const states = new Map<string, Awaited<ReturnType<typeof getReaderModel>>>();
    for (const userId of sample) states.set(userId, await getReaderModel(db, userId, now));
    results.push([
      "rank the week for a reader (rankForReader: candidates, scores, reasons)",
      await timeCalls(args.iterations, async (i) => {
        const state = states.get(sample[i + 1]!)!;
        await rankForReader(db, sample[i + 1]!, { ...state, model: state.model! }, now, NO_FILTER);
        trackHeap();
      }),
    ]);
    results.push([
      "the whole for-you with a fresh model (getReaderForYou: signature, signals, ranking)",
      await timeCalls(args.iterations, async (i) => {
        await getReaderForYou(db, sample[i + 1]!, now);
        trackHeap();
      }),
    ]);
    for (const [label, calls] of results) console.log(`${label}: ${latencyStats(calls)}`);
    console.log(`\nHeap growth at its peak: training ${mb(trainingHeap)}, ranking ${mb(heapPeak)}.`);

    const week = await rankForReader(db, sample[0]!, { ...states.get(sample[0]!)!, model: states.get(sample[0]!)!.model! }, now, NO_FILTER);
    console.log(
      `A reader's week: ${week.days} days ranked, ${week.items.length} shown; top reason: ${JSON.stringify(week.items[0]?.reason)}`,
    );
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
