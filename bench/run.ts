// `npm run bench [-- --seconds 10 --connections 50]`: drives the production build, on the
// database `npm run bench:seed` filled, with autocannon from this process, scenario by scenario,
// next to a ceiling: a minimal Node `http` server (in its own process) answering the identical
// bytes. Prints a Markdown table of req/s, p50/p99 latency, errors, response size and the app
// server's peak RSS. Needs `npm run build` first. Asserts nothing.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { periodContaining } from "@/lib/periods";
import { BENCH_TODAY, benchDatabaseUrl, databaseNameSchema } from "./support/database";
import { load, mb, samplePeakRss, startCeiling } from "./support/load";
import { startAppServer } from "../scripts/lib/app-server";
import { migrate } from "../scripts/lib/database";
import { PROJECT_ROOT } from "../scripts/lib/project-root";

const argsSchema = z.object({
  seconds: z.coerce.number().int().min(2).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(500).default(50),
  /** The server's PAGE_CACHE_MB: 0 measures rendering per request. */
  "page-cache-mb": z.coerce.number().int().min(0).max(4096).default(64),
  /** Ask for gzip, as browsers do (the ceiling then answers the same bytes gzipped). */
  gzip: z.boolean().default(false),
  database: databaseNameSchema,
});

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

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** What a browser downloads as JavaScript for a page: every script file it names, gzipped. */
async function javaScriptShipped(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  // Modern browsers skip the noModule polyfills.
  const tags = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((match) => !/nomodule/i.test(match[0]));
  const sources = [...new Set(tags.map((match) => match[1]!))];
  let raw = 0;
  let gzipped = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, url))).arrayBuffer());
    raw += body.length;
    gzipped += gzipSync(body).length;
  }
  return `JavaScript for a day page: ${sources.length} files, ${kb(raw)} (${kb(gzipped)} gzipped)`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string" },
      connections: { type: "string" },
      "page-cache-mb": { type: "string" },
      gzip: { type: "boolean" },
      database: { type: "string" },
    },
  });
  const args = argsSchema.parse(values);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench`, which provides DATABASE_URL.");
  if (!existsSync(join(PROJECT_ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  const databaseUrl = benchDatabaseUrl(env.DATABASE_URL, args.database);
  // A database seeded by an older commit gets this commit's migrations (new columns and indexes).
  await migrate(databaseUrl);
  const { papers, list } = await scenarios(databaseUrl);

  const server = await startAppServer({ databaseUrl, pageCacheMb: args["page-cache-mb"] });
  const base = server.baseURL;
  const rss = samplePeakRss([server.pid]);
  try {
    const cache = args["page-cache-mb"] > 0 ? `page cache ${args["page-cache-mb"]} MB` : "page cache off";
    const encoding = args.gzip ? "gzip asked for" : "no compression asked for";
    console.log(
      `${papers.toLocaleString("en-US")} papers; ${args.connections} connections, ${args.seconds} s per run; ${cache}; ${encoding}\n`,
    );
    console.log("| Scenario | App req/s | p50 / p99 ms | Errors | Ceiling req/s (p99 ms) | Ratio | Response (gzipped) | X-Cache |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const [name, path] of list) {
      const url = `${base}${path}`;
      const sample = await fetch(url);
      const body = Buffer.from(await sample.arrayBuffer());
      const headers: Record<string, string> = args.gzip ? { "accept-encoding": "gzip" } : {};
      await load(url, 2, Math.min(10, args.connections), headers);
      const app = await load(url, args.seconds, args.connections, headers);
      const contentType = sample.headers.get("content-type") ?? "text/html";
      const ceiling = await startCeiling(sample.status, contentType, args.gzip ? gzipSync(body) : body, args.gzip);
      const bare = await load(ceiling.url, args.seconds, args.connections, headers);
      ceiling.stop();
      const ratio = bare.requestsPerSecond > 0 ? app.requestsPerSecond / bare.requestsPerSecond : 0;
      console.log(
        `| ${name} | ${app.requestsPerSecond.toFixed(0)} | ${app.p50} / ${app.p99} | ${app.errors} | ${bare.requestsPerSecond.toFixed(0)} (${bare.p99}) | ${ratio.toFixed(2)} | ${sample.status}, ${kb(body.length)} (${kb(gzipSync(body).length)}) | ${(await fetch(url)).headers.get("x-cache") ?? "-"} |`,
      );
    }
    console.log(`\nApp server peak RSS: ${mb(rss.peak())}`);
    console.log(await javaScriptShipped(`${base}/papers/date/${BENCH_TODAY}`));
  } finally {
    rss.stop();
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
