// `npm run bench:votes [-- --seconds 10 --connections 50]`: votes under load on the seeded
// benchmark database, against the production server (page cache on).
//  1. Upvote: POST/DELETE /api/papers/<id>/upvote from 2,000 signed-in readers at random, next to
//     the ceiling: the same SQL (session lookup, the rate limit function, the vote statement with
//     its change notice) issued directly with `pg` from as many connections.
//  2. A day page with and without 20 votes a second in the background, and whether the vote
//     counts still add up afterwards.
// Prints figures; asserts nothing.
import { randomInt } from "node:crypto";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { BENCH_TODAY, benchDatabaseUrl, databaseNameSchema } from "./support/database";
import { load, mb, percentile, samplePeakRss, statusesOf } from "./support/load";
import { prepareVoters, randomVoteRequest, removeVoters, type Voter } from "./support/voters";
import { startAppServer } from "../scripts/lib/app-server";
import { migrate } from "../scripts/lib/database";

const argsSchema = z.object({
  seconds: z.coerce.number().int().min(2).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(500).default(50),
  database: databaseNameSchema,
});

const BACKGROUND_VOTES_PER_SECOND = 20;

/** The upvote route's SQL, statement for statement, from one connection: the ceiling. */
async function directVote(client: pg.Client, voter: Voter, paperId: string, up: boolean) {
  await client.query(
    `SELECT s.expires, u.id, u.email, u.name, u.handle, u."bannedAt" FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s."sessionToken" = $1`,
    [voter.token],
  );
  await client.query(`SELECT consume_rate_limit($1, 120, 60000, (now() AT TIME ZONE 'UTC')::timestamp(3))`, [
    `upvote:user:${voter.userId}`,
  ]);
  const change = up
    ? `WITH changed AS (INSERT INTO "Upvote" ("userId", "paperId") SELECT $1, id FROM "Paper" WHERE id = $2 AND "hiddenAt" IS NULL ON CONFLICT DO NOTHING RETURNING 1),
       counted AS (UPDATE "Paper" SET "localUpvotes" = "localUpvotes" + (SELECT count(*) FROM changed)::int WHERE id = $2 AND "hiddenAt" IS NULL RETURNING "upstreamUpvotes" + "localUpvotes" AS upvotes),`
    : `WITH changed AS (DELETE FROM "Upvote" WHERE "userId" = $1 AND "paperId" = $2 RETURNING 1),
       counted AS (UPDATE "Paper" SET "localUpvotes" = "localUpvotes" - (SELECT count(*) FROM changed)::int WHERE id = $2 RETURNING "upstreamUpvotes" + "localUpvotes" AS upvotes),`;
  await client.query(
    `${change} notified AS (SELECT pg_notify('papers_changed', '') FROM changed LIMIT 1)
     SELECT upvotes, (SELECT count(*) FROM notified)::int AS notified FROM counted`,
    [voter.userId, paperId],
  );
}

async function directCeiling(databaseUrl: string, voters: Voter[], papers: string[], seconds: number, connections: number) {
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        while (Date.now() < deadline) {
          const started = performance.now();
          await directVote(client, voters[randomInt(voters.length)]!, papers[randomInt(papers.length)]!, randomInt(2) === 0);
          latencies.push(performance.now() - started);
        }
      } finally {
        await client.end();
      }
    }),
  );
  return { requestsPerSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main() {
  const { values } = parseArgs({ options: { seconds: { type: "string" }, connections: { type: "string" }, database: { type: "string" } } });
  const args = argsSchema.parse(values);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:votes`, which provides DATABASE_URL.");
  const databaseUrl = benchDatabaseUrl(env.DATABASE_URL, args.database);
  await migrate(databaseUrl);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const voters = await prepareVoters(db);
  const papers = (await db.query<{ id: string }>(`SELECT id FROM "Paper" WHERE "feedDate" = $1`, [BENCH_TODAY])).rows.map((row) => row.id);
  const server = await startAppServer({ databaseUrl });
  const rss = samplePeakRss([server.pid]);
  try {
    console.log(
      `${voters.length} voters, ${papers.length} papers of ${BENCH_TODAY}; ${args.connections} connections, ${args.seconds} s per run\n`,
    );
    const voteRequest = () => randomVoteRequest(voters, papers, server.baseURL);
    console.log(
      "| Scenario | Connections | App req/s | p50 / p99 ms | Statuses | Ceiling (same SQL via pg) req/s | Ceiling p50 / p99 ms | Ratio |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    for (const connections of [args.connections, 5]) {
      const result = await autocannon({
        url: server.baseURL,
        duration: args.seconds,
        connections,
        requests: [{ setupRequest: (request) => ({ ...request, ...voteRequest() }) }],
      });
      const ceiling = await directCeiling(databaseUrl, voters, papers, args.seconds, connections);
      console.log(
        `| Upvote / unvote | ${connections} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} / ${result.latency.p99} | ${statusesOf(result)} | ${ceiling.requestsPerSecond.toFixed(0)} | ${ceiling.p50.toFixed(1)} / ${ceiling.p99.toFixed(1)} | ${(result.requests.average / ceiling.requestsPerSecond).toFixed(2)} |`,
      );
    }
    // What Next.js's route handler path costs by itself: the same route, no session, no database.
    const floor = await autocannon({
      url: `${server.baseURL}/api/papers/${papers[0]}/upvote`,
      method: "POST",
      duration: args.seconds,
      connections: args.connections,
    });
    console.log(
      `| Same route without a session (401, no database) | ${args.connections} | ${floor.requests.average.toFixed(0)} | ${floor.latency.p50} / ${floor.latency.p99} | ${statusesOf(floor)} | - | - | - |`,
    );

    const dayUrl = `${server.baseURL}/papers/date/${BENCH_TODAY}`;
    const gzip = { "accept-encoding": "gzip" };
    await load(dayUrl, 2, 10, gzip);
    const quiet = await load(dayUrl, args.seconds, args.connections, gzip);
    const background = new Map<number, number>();
    const timer = setInterval(() => {
      const vote = voteRequest();
      void fetch(`${server.baseURL}${vote.path}`, { method: vote.method, headers: vote.headers }).then(
        (response) => background.set(response.status, (background.get(response.status) ?? 0) + 1),
        () => background.set(0, (background.get(0) ?? 0) + 1),
      );
    }, 1000 / BACKGROUND_VOTES_PER_SECOND);
    const busy = await load(dayUrl, args.seconds, args.connections, gzip);
    clearInterval(timer);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const drop = 1 - busy.requestsPerSecond / quiet.requestsPerSecond;
    console.log(`\n| Day page (gzip) | req/s | p50 / p99 ms | Errors |`);
    console.log("|---|---|---|---|");
    console.log(`| Alone | ${quiet.requestsPerSecond.toFixed(0)} | ${quiet.p50} / ${quiet.p99} | ${quiet.errors} |`);
    console.log(
      `| With ${BACKGROUND_VOTES_PER_SECOND} votes/s | ${busy.requestsPerSecond.toFixed(0)} | ${busy.p50} / ${busy.p99} | ${busy.errors} |`,
    );
    console.log(
      `\nThroughput change under votes: ${(drop * -100).toFixed(1)}%; background votes by status: ${[...background].map(([status, count]) => `${status || "network error"}: ${count}`).join(", ")}`,
    );

    const mismatched = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "Paper" p WHERE p."feedDate" = $1 AND p."localUpvotes" <> (SELECT count(*) FROM "Upvote" u WHERE u."paperId" = p.id)`,
      [BENCH_TODAY],
    );
    console.log(`Papers of ${BENCH_TODAY} whose count differs from their Upvote rows: ${mismatched.rows[0]!.count}`);
    console.log(`App server peak RSS: ${mb(rss.peak())}`);
  } finally {
    rss.stop();
    await server.stop();
    await removeVoters(db);
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
