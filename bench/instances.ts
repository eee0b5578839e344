// `npm run bench:instances [-- --seconds 10 --connections 50]`: two production instances on the
// seeded benchmark database, alone and behind nginx (from Debian's packages: `apt-get install
// nginx`; set up here in a temporary folder, never needed by `npm test`):
//  - the day page (gzip) straight from one instance, through nginx to one, to both, and through
//    nginx's proxy cache, with each instance's page cache on and then off, next to the ceiling;
//  - how long a vote through instance A takes to show on instance B's cached page for signed-out
//    readers.
// Prints figures; asserts nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { BENCH_TODAY, benchDatabaseUrl } from "./support/database";
import { load, mb, samplePeakRss, startCeiling, waitFor } from "./support/load";
import { prepareVoters, removeVoters } from "./support/voters";
import { startAppServer, type AppServer } from "../scripts/lib/app-server";
import { migrate } from "../scripts/lib/database";
import { freePort } from "../scripts/lib/free-port";

const argsSchema = z.object({
  seconds: z.coerce.number().int().min(2).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(500).default(50),
});

const NGINX = "/usr/sbin/nginx";
const GZIP = { "accept-encoding": "gzip" };
const DAY = `/papers/date/${BENCH_TODAY}`;

interface Nginx {
  one: string;
  both: string;
  cached: string;
  stop: () => void;
}

/** nginx in front of the instances: one port per setup. Requests with a session cookie skip the cache. */
async function startNginx(a: AppServer, b: AppServer): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), "bench-nginx-"));
  // nginx's workers run as an unprivileged user and write the cache here.
  chmodSync(dir, 0o777);
  const [one, both, cached] = [await freePort(), await freePort(), await freePort()];
  const upstream = (server: AppServer) => `server ${new URL(server.baseURL).host};`;
  const proxy = `proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host;
      proxy_buffer_size 64k; proxy_buffers 32 64k; proxy_busy_buffers_size 128k;`;
  writeFileSync(
    join(dir, "nginx.conf"),
    `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
    events { worker_connections 4096; }
    http {
      access_log off;
      client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
      uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
      proxy_cache_path ${dir}/cache levels=1:2 keys_zone=pages:10m max_size=256m inactive=10m;
      map $http_cookie $signed_in { default 0; "~next-auth\\.session-token=" 1; }
      upstream one { ${upstream(a)} keepalive 64; }
      upstream both { ${upstream(a)} ${upstream(b)} keepalive 64; }
      server { listen 127.0.0.1:${one}; location / { proxy_pass http://one; ${proxy} } }
      server { listen 127.0.0.1:${both}; location / { proxy_pass http://both; ${proxy} } }
      server {
        listen 127.0.0.1:${cached};
        location / {
          proxy_pass http://both; ${proxy}
          proxy_cache pages; proxy_cache_bypass $signed_in; proxy_no_cache $signed_in;
          proxy_cache_use_stale updating error timeout; proxy_cache_background_update on; proxy_cache_lock on;
          add_header X-Proxy-Cache $upstream_cache_status;
        }
      }
    }`,
  );
  const child: ChildProcess = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: "ignore" });
  const url = (port: number) => `http://127.0.0.1:${port}`;
  await waitFor(`${url(one)}/robots.txt`, child);
  return { one: url(one), both: url(both), cached: url(cached), stop: () => child.kill() };
}

const row = (name: string, result: Awaited<ReturnType<typeof load>>, ceiling: number) =>
  `| ${name} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} / ${result.p99} | ${result.errors} | ${(result.requestsPerSecond / ceiling).toFixed(2)} |`;

/** Upvotes through A and waits for B's page for signed-out readers to show the new count. */
async function crossInstanceDelays(databaseUrl: string, a: AppServer, b: AppServer): Promise<number[]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const voters = await prepareVoters(db);
  const countOn = async (base: string, paperId: string) => {
    const html = await (await fetch(`${base}${DAY}`)).text();
    const card = html.split('data-testid="paper-card"').find((chunk) => chunk.includes(`href="/papers/${paperId}"`));
    return Number(/data-testid="paper-upvotes"[^>]*>(\d+)</.exec(card ?? "")?.[1] ?? Number.NaN);
  };
  const firstPaper = /href="\/papers\/(\d{4}\.\d{4,5})"/.exec(await (await fetch(`${b.baseURL}${DAY}`)).text())![1]!;
  const delays: number[] = [];
  try {
    for (const voter of voters.slice(0, 5)) {
      const before = await countOn(b.baseURL, firstPaper);
      // The seeded votes may include this voter's: unvote then, so the count moves either way.
      const { rowCount } = await db.query(`SELECT 1 FROM "Upvote" WHERE "userId" = $1 AND "paperId" = $2`, [voter.userId, firstPaper]);
      const vote = await fetch(`${a.baseURL}/api/papers/${firstPaper}/upvote`, {
        method: rowCount ? "DELETE" : "POST",
        headers: { cookie: `next-auth.session-token=${voter.token}`, origin: a.baseURL },
      });
      if (!vote.ok) throw new Error(`vote through A failed: ${vote.status}`);
      const voted = performance.now();
      while ((await countOn(b.baseURL, firstPaper)) === before) {
        if (performance.now() - voted > 10_000) throw new Error("the vote did not reach instance B within 10 s");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      delays.push(performance.now() - voted);
      // Past the one-render-a-second limit, so each measurement starts alike.
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
  } finally {
    await removeVoters(db);
    await db.end();
  }
  return delays;
}

async function main() {
  const { values } = parseArgs({ options: { seconds: { type: "string" }, connections: { type: "string" } } });
  const args = argsSchema.parse(values);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:instances`, which provides DATABASE_URL.");
  if (!existsSync(NGINX)) throw new Error(`${NGINX} not found: install nginx from Debian's packages (apt-get install nginx).`);
  const databaseUrl = benchDatabaseUrl(env.DATABASE_URL);
  await migrate(databaseUrl);
  console.log(`Day page ${DAY}, gzip; ${args.connections} connections, ${args.seconds} s per run\n`);
  let ceilingRps = 0;
  for (const pageCacheMb of [64, 0]) {
    const a = await startAppServer({ databaseUrl, pageCacheMb });
    const b = await startAppServer({ databaseUrl, pageCacheMb });
    const nginx = await startNginx(a, b);
    const rss = samplePeakRss([a.pid, b.pid]);
    try {
      if (ceilingRps === 0) {
        const body = Buffer.from(await (await fetch(`${a.baseURL}${DAY}`)).arrayBuffer());
        const ceiling = await startCeiling(200, "text/html; charset=utf-8", gzipSync(body), true);
        ceilingRps = (await load(ceiling.url, args.seconds, args.connections, GZIP)).requestsPerSecond;
        ceiling.stop();
        console.log(`Ceiling (Node http, the same gzipped bytes): ${ceilingRps.toFixed(0)} req/s\n`);
      }
      console.log(`Page cache ${pageCacheMb > 0 ? `on (${pageCacheMb} MB per instance)` : "off"}:\n`);
      console.log("| Setup | req/s | p50 / p99 ms | Errors | Ratio to ceiling |");
      console.log("|---|---|---|---|---|");
      for (const [name, base] of [
        ["One instance, direct", a.baseURL],
        ["nginx → one instance", nginx.one],
        ["nginx → two instances", nginx.both],
        ["nginx proxy cache → two instances", nginx.cached],
      ] as const) {
        await load(`${base}${DAY}`, 2, 10, GZIP);
        console.log(row(name, await load(`${base}${DAY}`, args.seconds, args.connections, GZIP), ceilingRps));
      }
      console.log(`\nPeak RSS of the two instances together: ${mb(rss.peak())}\n`);
      if (pageCacheMb > 0) {
        const delays = await crossInstanceDelays(databaseUrl, a, b);
        console.log(
          `A vote through instance A showed on instance B's cached page after: ${delays.map((delay) => `${delay.toFixed(0)} ms`).join(", ")}\n`,
        );
      }
    } finally {
      rss.stop();
      nginx.stop();
      await Promise.all([a.stop(), b.stop()]);
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
