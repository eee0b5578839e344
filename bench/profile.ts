// `npm run bench:profile [-- --path /papers/trending --seconds 10 | --votes]`: where the production
// server spends its CPU on one page (or on votes) under load. Runs the production server on the
// benchmark database with V8's sampling profiler (--cpu-prof), drives it with autocannon, stops
// it, and prints self time by package and the hottest functions. Needs `npm run build` and
// `npm run bench:seed`.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { BENCH_TODAY, benchDatabaseUrl } from "./support/database";
import { prepareVoters, randomVoteRequest, removeVoters } from "./support/voters";
import { startAppServer } from "../scripts/lib/app-server";

const argsSchema = z.object({
  path: z.string().startsWith("/").default(`/papers/date/${BENCH_TODAY}`),
  seconds: z.coerce.number().int().min(2).max(120).default(10),
  /** Profile upvotes and unvotes by 2,000 signed-in readers instead of a page. */
  votes: z.boolean().default(false),
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> (scoped or not), the app's own code, Node itself, or V8's bookkeeping. */
function ownerOf(url: string, functionName: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  // Next.js bundles React's server renderer into its own runtime files: name the file.
  if (match?.[1] === "next") return `next: ${match[2]!.split("/").pop()}`;
  if (match) return match[1]!;
  if (url.includes("/.next/")) return "app (.next build)";
  if (url.startsWith("node:") || url === "") return functionName.startsWith("(") ? functionName : "node";
  return "other";
}

function summarize(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...selfTime.values()].reduce((sum, value) => sum + value, 0);
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const owner = ownerOf(url, functionName);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + time);
    const name = `${functionName || "(anonymous)"} (${owner}${url ? `:${lineNumber + 1}` : ""})`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
  }
  const share = (time: number) => `${((100 * time) / total).toFixed(1)}%`;
  const top = (map: Map<string, number>, count: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
  console.log(`\nCPU self time by owner (${(total / 1e6).toFixed(1)} s sampled):`);
  for (const [owner, time] of top(byOwner, 12)) console.log(`  ${share(time).padStart(6)}  ${owner}`);
  console.log("\nHottest functions (self time):");
  for (const [name, time] of top(byFunction, 15)) console.log(`  ${share(time).padStart(6)}  ${name}`);
}

async function main() {
  const { values } = parseArgs({ options: { path: { type: "string" }, seconds: { type: "string" }, votes: { type: "boolean" } } });
  const args = argsSchema.parse(values);
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:profile`, which provides DATABASE_URL.");
  const databaseUrl = benchDatabaseUrl(env.DATABASE_URL);
  const profileDir = mkdtempSync(join(tmpdir(), "bench-profile-"));
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // --cpu-prof is not allowed in NODE_OPTIONS, so it goes to node itself.
  const server = await startAppServer({ databaseUrl, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] });
  const base = server.baseURL;
  let options: autocannon.Options = { url: `${base}${args.path}` };
  let label = args.path;
  if (args.votes) {
    const voters = await prepareVoters(db);
    const papers = (await db.query<{ id: string }>(`SELECT id FROM "Paper" WHERE "feedDate" = $1`, [BENCH_TODAY])).rows.map(
      (row) => row.id,
    );
    options = { url: base, requests: [{ setupRequest: (request) => ({ ...request, ...randomVoteRequest(voters, papers, base) }) }] };
    label = "upvote / unvote";
  }
  await autocannon({ ...options, duration: 2, connections: 10 });
  const result = await autocannon({ ...options, duration: args.seconds, connections: 50 });
  console.log(`${label}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  if (args.votes) await removeVoters(db);
  await db.end();
  await server.stop();
  const profiles = readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile"));
  if (profiles.length === 0) throw new Error(`No profile was written to ${profileDir}`);
  // The largest profile is the process that served the requests.
  const largest = profiles.map((name) => readFileSync(join(profileDir, name), "utf8")).sort((a, b) => b.length - a.length)[0]!;
  summarize(JSON.parse(largest) as CpuProfile);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
