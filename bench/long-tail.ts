// `npm run bench:long-tail [-- --seconds 10 --connections 50 --overload-seconds 300 --overload-rate 200
// --database ... --skip overload]` (scenarios: uncached-paper, uncached-search, day-cache-off, mixed, overload):
// what the pages the page cache does not hold cost (issue 20), on the production build and the
// database `npm run bench:seed` filled: random paper pages and searches never asked for before (at
// --connections and one at a time, the service time), a day page with the page cache off, 90 % hot
// pages with 10 % misses beside hot pages alone, and misses at a fixed arrival rate (a crawler)
// with what the server answered and whether it survived; the server's peak RSS in each. Asks for
// gzip, as browsers and crawlers do. Prints Markdown tables; asserts nothing. Needs `npm run build`.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { BENCH_TODAY, benchDatabaseUrl, databaseNameSchema } from "./support/database";
import { load, loadPaths, mb, percentile, samplePeakRss, type Measurement } from "./support/load";
import { openLoop, type OpenLoopResult } from "./support/open-loop";
import { startAppServer, type AppServer } from "../scripts/lib/app-server";
import { migrate } from "../scripts/lib/database";
import { isAlive } from "../scripts/lib/is-alive";
import { PROJECT_ROOT } from "../scripts/lib/project-root";

const SCENARIOS = ["uncached-paper", "uncached-search", "day-cache-off", "mixed", "overload"] as const;

const argsSchema = z.object({
  seconds: z.coerce.number().int().min(2).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(500).default(50),
  "overload-seconds": z.coerce.number().int().min(5).max(3600).default(300),
  /** Requests per second of random uncached paper pages in the overload scenario. */
  "overload-rate": z.coerce.number().int().min(1).max(2000).default(200),
  skip: z.array(z.enum(SCENARIOS)).default([]),
  database: databaseNameSchema,
});
type Args = z.infer<typeof argsSchema>;

// Enough distinct papers that the measured runs at 1M papers never ask for one twice; the overload
// scenario takes rate × seconds more.
const DISTINCT_PAPERS = 20_000;
// A crawler gives up on a page after about this long; it also bounds how many requests the
// overload scenario keeps open against a server that stops answering.
const OVERLOAD_TIMEOUT_MS = 10_000;
const WARM_UP_SECONDS = 2;
const HEADERS = { "accept-encoding": "gzip" };

/** Hands out each path once; past the end it starts over and counts the repeats (they may be cache hits). */
function eachOnce(paths: string[]) {
  let handedOut = 0;
  return { next: () => paths[handedOut++ % paths.length]!, repeats: () => Math.max(0, handedOut - paths.length) };
}

/** The most upvoted paper of the newest day (a hot page), and `count` other visible papers in random order. */
async function choosePapers(databaseUrl: string, count: number) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const papers = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Paper"`);
    const hot = await db.query<{ id: string }>(`SELECT id FROM "Paper" WHERE "feedDate" = $1 ORDER BY "upstreamUpvotes" DESC LIMIT 1`, [
      BENCH_TODAY,
    ]);
    const hotId = hot.rows[0]!.id;
    const random = await db.query<{ id: string }>(
      `SELECT id FROM "Paper" WHERE "hiddenAt" IS NULL AND id <> $1 ORDER BY random() LIMIT $2`,
      [hotId, count],
    );
    return { total: papers.rows[0]!.count, hotId, randomIds: random.rows.map((row) => row.id) };
  } finally {
    await db.end();
  }
}

/** Peak resident sets: the largest server process, and it with its supervisor and siblings. */
interface PeakRss {
  process: number;
  total: number;
}

const rssText = ({ process, total }: PeakRss) => `${mb(process)} (${mb(total)} with the supervisor)`;

async function withPeakRss<T>(server: AppServer, run: () => Promise<T>): Promise<[T, PeakRss]> {
  const rss = samplePeakRss([server.pid]);
  try {
    return [await run(), { process: rss.peakProcess(), total: rss.peak() }];
  } finally {
    rss.stop();
  }
}

interface Row {
  name: string;
  connections: number;
  measurement: Measurement;
  peakRss: PeakRss;
}

function printRows(rows: Row[]) {
  console.log("| Scenario | Connections | req/s | 2xx/s | p50 / p99 ms | Statuses | Errors (timeouts) | Peak RSS |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const { name, connections, measurement: m, peakRss } of rows) {
    console.log(
      `| ${name} | ${connections} | ${m.requestsPerSecond.toFixed(1)} | ${m.okPerSecond.toFixed(1)} | ${m.p50} / ${m.p99} | ${m.statuses || "-"} | ${m.socketErrors} (${m.timeouts}) | ${rssText(peakRss)} |`,
    );
  }
}

interface Overload {
  result: OpenLoopResult;
  peakRss: PeakRss;
  /** Its process still running afterwards, and what /api/health answered then. */
  survived: boolean;
  health: string;
  /** The server's last lines of output when it died. */
  lastWords: string;
}

/** Random uncached paper pages at --overload-rate, open loop, then whether the server is still there. */
async function overload(server: AppServer, args: Args, nextPath: () => string): Promise<Overload> {
  const [result, peakRss] = await withPeakRss(server, () =>
    openLoop({
      baseUrl: server.baseURL,
      nextPath,
      rate: args["overload-rate"],
      seconds: args["overload-seconds"],
      headers: HEADERS,
      timeoutMs: OVERLOAD_TIMEOUT_MS,
    }),
  );
  const health = await fetch(`${server.baseURL}/api/health`, { signal: AbortSignal.timeout(OVERLOAD_TIMEOUT_MS) }).then(
    (response) => String(response.status),
    () => "no answer",
  );
  const survived = isAlive(server.pid);
  return { result, peakRss, survived, health, lastWords: survived ? "" : server.log().trim().split("\n").slice(-5).join("\n") };
}

/** `capacity`: uncached paper pages answered 200 per second at --connections, what goodput is held against. */
function printOverload(args: Args, { result, peakRss, survived, health, lastWords }: Overload, capacity: number | undefined) {
  const answers = (status: number) => result.latenciesByStatus.get(status) ?? [];
  const share = (status: number) =>
    `${answers(status).length} (${((100 * answers(status).length) / Math.max(1, result.sent)).toFixed(1)} %)`;
  const others = [...result.latenciesByStatus]
    .filter(([status]) => ![200, 503, 429].includes(status))
    .map(([status, latencies]) => `${status}: ${latencies.length}`)
    .join(", ");
  const ok = answers(200);
  const refused = answers(503);
  const goodput = ok.length / args["overload-seconds"];
  console.log(`\nOverload: random uncached paper pages at a fixed arrival rate (open loop, ${OVERLOAD_TIMEOUT_MS / 1000} s timeout)\n`);
  console.log(
    "| Offered | Sent | Goodput (200/s) | 503 | 429 | Other statuses | p50 / p99 of 200s ms | Max of 503s ms | Errors / timeouts | Max in flight | Peak RSS | Survived |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  console.log(
    `| ${args["overload-rate"]} req/s × ${args["overload-seconds"]} s | ${result.sent} | ${goodput.toFixed(1)} | ${share(503)} | ${share(429)} | ${others || "-"} | ${percentile(ok, 50).toFixed(0)} / ${percentile(ok, 99).toFixed(0)} | ${refused.length > 0 ? refused.reduce((max, each) => Math.max(max, each)).toFixed(0) : "-"} | ${result.socketErrors} / ${result.timeouts} | ${result.maxInFlight} | ${rssText(peakRss)} | ${survived ? `yes (/api/health: ${health})` : "**no: the server process died**"} |`,
  );
  if (capacity) {
    console.log(
      `\nGoodput: ${((100 * goodput) / capacity).toFixed(0)} % of the measured capacity (${capacity.toFixed(1)} pages/s at ${args.connections} connections; goal >= 90 %)`,
    );
  }
  if (lastWords) console.log(`\nThe server's last lines:\n\n\`\`\`\n${lastWords}\n\`\`\``);
}

/** A day page rendered per request: its own server, started with the page cache off. */
async function dayPageWithoutCache(args: Args, databaseUrl: string): Promise<Row> {
  const server = await startAppServer({ databaseUrl, pageCacheMb: 0 });
  try {
    const url = `${server.baseURL}/papers/date/${BENCH_TODAY}`;
    await load(url, WARM_UP_SECONDS, Math.min(10, args.connections), HEADERS);
    const [measurement, peakRss] = await withPeakRss(server, () => load(url, args.seconds, args.connections, HEADERS));
    return { name: "Day page, page cache off", connections: args.connections, measurement, peakRss };
  } finally {
    await server.stop();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string" },
      connections: { type: "string" },
      "overload-seconds": { type: "string" },
      "overload-rate": { type: "string" },
      skip: { type: "string", multiple: true },
      database: { type: "string" },
    },
  });
  const args = argsSchema.parse(values);
  const runs = (scenario: (typeof SCENARIOS)[number]) => !args.skip.includes(scenario);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:long-tail`, which provides DATABASE_URL.");
  if (!existsSync(join(PROJECT_ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  const databaseUrl = benchDatabaseUrl(env.DATABASE_URL, args.database);
  await migrate(databaseUrl);
  const overloadRequests = runs("overload") ? args["overload-rate"] * args["overload-seconds"] : 0;
  const { total, hotId, randomIds } = await choosePapers(databaseUrl, DISTINCT_PAPERS + overloadRequests);
  const uncachedPaper = eachOnce(randomIds.map((id) => `/papers/${id}`));
  console.log(
    `${total.toLocaleString("en-US")} papers, ${randomIds.length.toLocaleString("en-US")} of them in random order for the misses; ${args.seconds} s per run after a ${WARM_UP_SECONDS} s warm-up; gzip asked for\n`,
  );

  const rows: Row[] = [];
  if (runs("day-cache-off")) rows.push(await dayPageWithoutCache(args, databaseUrl));

  const server = await startAppServer({ databaseUrl });
  const measure = async (name: string, nextPath: () => string, connections: number) => {
    const [measurement, peakRss] = await withPeakRss(server, () => loadPaths(server.baseURL, nextPath, args.seconds, connections, HEADERS));
    rows.push({ name, connections, measurement, peakRss });
    return measurement;
  };
  const warmUp = (nextPath: () => string) => loadPaths(server.baseURL, nextPath, WARM_UP_SECONDS, Math.min(10, args.connections), HEADERS);
  let overloaded: Overload | undefined;
  let mixedRatio: number | undefined;
  let capacity: number | undefined;
  try {
    if (runs("uncached-paper")) {
      await warmUp(uncachedPaper.next);
      capacity = (await measure("Random uncached paper pages", uncachedPaper.next, args.connections)).okPerSecond;
      await measure("Random uncached paper pages", uncachedPaper.next, 1);
    }
    if (runs("uncached-search")) {
      // A term no paper has, excluded: the answer and its cost are those of the common word alone,
      // and every query string is new to the page cache.
      let searches = 0;
      const uncachedSearch = () => `/papers?q=${encodeURIComponent(`learning -zq${(searches++).toString(36)}`)}`;
      await warmUp(uncachedSearch);
      await measure("Search, common word, unique each time", uncachedSearch, args.connections);
      await measure("Search, common word, unique each time", uncachedSearch, 1);
    }
    if (runs("mixed")) {
      const hotPaths = ["/", `/papers/date/${BENCH_TODAY}`, "/papers/trending", `/papers/${hotId}`];
      let hotRequests = 0;
      const hotPage = () => hotPaths[hotRequests++ % hotPaths.length]!;
      let mixedRequests = 0;
      const mixedPage = () => (mixedRequests++ % 10 === 9 ? uncachedPaper.next() : hotPage());
      await warmUp(hotPage);
      const hot = await measure("Hot pages only (home, day, trending, paper)", hotPage, args.connections);
      const mixed = await measure("90 % hot pages + 10 % random uncached paper pages", mixedPage, args.connections);
      mixedRatio = hot.okPerSecond > 0 ? mixed.okPerSecond / hot.okPerSecond : 0;
    }
    if (runs("overload")) overloaded = await overload(server, args, uncachedPaper.next);
  } finally {
    await server.stop();
  }

  printRows(rows);
  if (mixedRatio !== undefined)
    console.log(`\n90/10 mixed: ${mixedRatio.toFixed(2)}x of hot-only throughput in 2xx answers (goal >= 0.5x)`);
  if (overloaded) printOverload(args, overloaded, capacity);
  const peaks = [...rows.map((row) => row.peakRss), ...(overloaded ? [overloaded.peakRss] : [])];
  const highest = { process: Math.max(...peaks.map((peak) => peak.process)), total: Math.max(...peaks.map((peak) => peak.total)) };
  console.log(`\nPeak RSS across these runs: ${rssText(highest)}`);
  if (uncachedPaper.repeats() > 0) {
    console.log(
      `${uncachedPaper.repeats()} paper pages were asked for a second time (the database has too few papers): those may be hits.`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
