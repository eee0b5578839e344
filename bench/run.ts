// `npm run bench [-- --seconds 10 --connections 50]`: drives the production build, on the
// database `npm run bench:seed` filled, with autocannon from this process, scenario by scenario,
// next to a ceiling: a minimal Node `http` server (in its own process) answering the identical
// bytes. Prints a Markdown table of req/s, p50/p99 latency, errors, response size and the app
// server's peak RSS. Needs `npm run build` first. Asserts nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { periodContaining } from "@/lib/periods";
import { BENCH_TODAY, benchDatabaseUrl } from "./support/database";
import { PROJECT_ROOT } from "../scripts/workarounds/local-postgres";
import { applyMigrations } from "../scripts/workarounds/migrate";
import { freePort, startAppServer } from "../tests/e2e/app-server";

const argsSchema = z.object({
  seconds: z.coerce.number().int().min(2).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(500).default(50),
});

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function waitFor(url: string, child: ChildProcess) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the ceiling server for ${url} exited`);
    if (
      await fetch(url).then(
        (response) => response.status < 500,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the ceiling server for ${url} did not answer`);
}

async function load(url: string, seconds: number, connections: number): Promise<Measurement> {
  const result = await autocannon({ url, duration: seconds, connections });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function rssOf(pid: number): number {
  // The server and any worker it started: sum their resident sets (kB in /proc).
  const pids = [pid, ...readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number)];
  return pids.reduce((total, each) => {
    const status = existsSync(`/proc/${each}/status`) ? readFileSync(`/proc/${each}/status`, "utf8") : "";
    return total + Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  }, 0);
}

/** A plain Node server answering every request with the same status, headers and body: the ceiling. */
async function startCeiling(status: number, contentType: string, body: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), "bench-ceiling-"));
  writeFileSync(join(dir, "body"), body);
  const port = await freePort();
  const script = `
    const body = require("node:fs").readFileSync(${JSON.stringify(join(dir, "body"))});
    require("node:http").createServer((request, response) => {
      response.writeHead(${status}, { "content-type": ${JSON.stringify(contentType)}, "content-length": body.length });
      response.end(body);
    }).listen(${port}, "127.0.0.1");`;
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  await waitFor(`http://127.0.0.1:${port}/`, child);
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

async function scenarios(databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const papers = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Paper"`);
    const paper = await db.query<{ id: string }>(`SELECT id FROM "Paper" WHERE "feedDate" = $1 ORDER BY "upstreamUpvotes" DESC LIMIT 1`, [
      BENCH_TODAY,
    ]);
    const org = await db.query<{ name: string }>(
      `SELECT "organizationName" AS name FROM "Paper" WHERE "organizationName" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const id = paper.rows[0]!.id;
    return {
      papers: papers.rows[0]!.count,
      list: [
        ["Home (latest day)", "/"],
        ["Day page", `/papers/date/${BENCH_TODAY}`],
        ["Week page", `/papers/week/${periodContaining("week", BENCH_TODAY).key}`],
        ["Month page", `/papers/month/${BENCH_TODAY.slice(0, 7)}`],
        ["Trending page", "/papers/trending"],
        ["Paper page", `/papers/${id}`],
        ["Organization page", `/orgs/${encodeURIComponent(org.rows[0]!.name)}`],
        ["Search, common word", "/papers?q=learning"],
        ["Search, rare word", "/papers?q=spectroscopy"],
        ["RSS, latest days", "/papers/feed.xml"],
        ["API daily_papers (50)", `/api/daily_papers?date=${BENCH_TODAY}&limit=50`],
        ["API paper", `/api/papers/${id}`],
      ] as const,
    };
  } finally {
    await db.end();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main() {
  const { values } = parseArgs({ options: { seconds: { type: "string" }, connections: { type: "string" } } });
  const args = argsSchema.parse(values);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench`, which provides DATABASE_URL.");
  if (!existsSync(join(PROJECT_ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  const databaseUrl = benchDatabaseUrl(env.DATABASE_URL);
  // A database seeded by an older commit gets this commit's migrations (new columns and indexes).
  await applyMigrations(databaseUrl);
  const { papers, list } = await scenarios(databaseUrl);

  const server = await startAppServer({ databaseUrl });
  const base = server.baseURL;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(server.pid))), 200);
  try {
    console.log(`${papers.toLocaleString("en-US")} papers; ${args.connections} connections, ${args.seconds} s per run\n`);
    console.log("| Scenario | App req/s | p50 / p99 ms | Errors | Ceiling req/s | Ratio | Response (gzipped) |");
    console.log("|---|---|---|---|---|---|---|");
    for (const [name, path] of list) {
      const url = `${base}${path}`;
      const sample = await fetch(url);
      const body = Buffer.from(await sample.arrayBuffer());
      await load(url, 2, Math.min(10, args.connections));
      const app = await load(url, args.seconds, args.connections);
      const ceiling = await startCeiling(sample.status, sample.headers.get("content-type") ?? "text/html", body);
      const bare = await load(ceiling.url, args.seconds, args.connections);
      ceiling.stop();
      const ratio = bare.requestsPerSecond > 0 ? app.requestsPerSecond / bare.requestsPerSecond : 0;
      console.log(
        `| ${name} | ${app.requestsPerSecond.toFixed(0)} | ${app.p50} / ${app.p99} | ${app.errors} | ${bare.requestsPerSecond.toFixed(0)} | ${ratio.toFixed(2)} | ${sample.status}, ${kb(body.length)} (${kb(gzipSync(body).length)}) |`,
      );
    }
    console.log(`\nApp server peak RSS: ${mb(peakRss)}`);
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
