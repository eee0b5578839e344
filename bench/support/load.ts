// Load generation and the ceilings the benchmarks compare against, shared by bench/*.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { freePort } from "../../scripts/lib/free-port";

export interface Measurement {
  requestsPerSecond: number;
  /** 2xx answers per second: what readers got, when a server sheds load with fast 503s and 429s. */
  okPerSecond: number;
  p50: number;
  p99: number;
  /** Socket errors, timeouts and answers other than 2xx. */
  errors: number;
  /** Socket errors, timeouts included. */
  socketErrors: number;
  timeouts: number;
  /** How many answers of each status, e.g. "200: 312, 503: 20". */
  statuses: string;
}

export async function waitFor(url: string, child: ChildProcess) {
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

export const statusesOf = (result: autocannon.Result) =>
  Object.entries(result.statusCodeStats ?? {})
    .map(([status, count]) => `${status}: ${count.count ?? 0}`)
    .join(", ");

function measurement(result: autocannon.Result): Measurement {
  return {
    requestsPerSecond: result.requests.average,
    okPerSecond: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    statuses: statusesOf(result),
  };
}

export async function load(url: string, seconds: number, connections: number, headers: Record<string, string> = {}): Promise<Measurement> {
  return measurement(await autocannon({ url, duration: seconds, connections, headers }));
}

/** Like `load`, with each request's path from `nextPath`: a page never asked for before, or a mix. */
export async function loadPaths(
  baseUrl: string,
  nextPath: () => string,
  seconds: number,
  connections: number,
  headers: Record<string, string> = {},
): Promise<Measurement> {
  const requests = [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: nextPath() }) }];
  return measurement(await autocannon({ url: baseUrl, duration: seconds, connections, headers, requests }));
}

// A process can exit between listing and reading (a server that crashed under load): it holds nothing then.
const readProc = (path: string) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
};

/** Resident sets (bytes) of the process and each child it started (the supervisor and its server processes). */
function rssOfTree(pid: number): number[] {
  const pids = [pid, ...readProc(`/proc/${pid}/task/${pid}/children`).split(/\s+/).filter(Boolean).map(Number)];
  return pids.map((each) => Number(/VmRSS:\s+(\d+)/.exec(readProc(`/proc/${each}/status`))?.[1] ?? 0) * 1024);
}

export function rssOf(pid: number): number {
  return rssOfTree(pid).reduce((total, each) => total + each, 0);
}

/** A plain Node server answering every request with the same status, headers and body: the ceiling. */
export async function startCeiling(status: number, contentType: string, body: Buffer, gzip: boolean) {
  const dir = mkdtempSync(join(tmpdir(), "bench-ceiling-"));
  writeFileSync(join(dir, "body"), body);
  const port = await freePort();
  const script = `
    const body = require("node:fs").readFileSync(${JSON.stringify(join(dir, "body"))});
    require("node:http").createServer((request, response) => {
      response.writeHead(${status}, { "content-type": ${JSON.stringify(contentType)}, "content-length": body.length${gzip ? ', "content-encoding": "gzip"' : ""} });
      response.end(body);
    }).listen(${port}, "127.0.0.1");`;
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  await waitFor(`http://127.0.0.1:${port}/`, child);
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/**
 * Samples resident sets every 200 ms until stopped: the peak of `pids` and their children together,
 * and the peak of the largest single process among them (a server process, not its supervisor).
 */
export function samplePeakRss(pids: number[]): { peak: () => number; peakProcess: () => number; stop: () => void } {
  let peak = 0;
  let peakProcess = 0;
  const timer = setInterval(() => {
    const sizes = pids.flatMap(rssOfTree);
    peak = Math.max(
      peak,
      sizes.reduce((total, each) => total + each, 0),
    );
    peakProcess = Math.max(peakProcess, ...sizes);
  }, 200);
  return { peak: () => peak, peakProcess: () => peakProcess, stop: () => clearInterval(timer) };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The p-th percentile of `values` (nearest rank), 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  return [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
}

/** "p50 …, p95 …, max …" of call times in ms. */
export const latencyStats = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

/**
 * Times `iterations` calls of `run` after one warm-up call (`run(-1)`), `before` (not timed) ahead
 * of each; answers the call times in ms.
 */
export async function timeCalls(
  iterations: number,
  run: (iteration: number) => Promise<unknown>,
  before?: (iteration: number) => Promise<unknown>,
): Promise<number[]> {
  if (before) await before(-1);
  await run(-1);
  const calls: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (before) await before(i);
    const started = performance.now();
    await run(i);
    calls.push(performance.now() - started);
  }
  return calls;
}
