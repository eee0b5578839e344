// Load generation and the ceilings the benchmarks compare against, shared by bench/*.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { freePort } from "../../scripts/lib/free-port";

export interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
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

export async function load(url: string, seconds: number, connections: number, headers: Record<string, string> = {}): Promise<Measurement> {
  const result = await autocannon({ url, duration: seconds, connections, headers });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export function rssOf(pid: number): number {
  // The server and any worker it started: sum their resident sets (kB in /proc).
  const pids = [pid, ...readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number)];
  return pids.reduce((total, each) => {
    const status = existsSync(`/proc/${each}/status`) ? readFileSync(`/proc/${each}/status`, "utf8") : "";
    return total + Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  }, 0);
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

/** Samples the peak resident set of `pid` (and its children) every 200 ms until stopped. */
export function samplePeakRss(pids: number[]): { peak: () => number; stop: () => void } {
  let peak = 0;
  const timer = setInterval(
    () =>
      (peak = Math.max(
        peak,
        pids.reduce((total, pid) => total + rssOf(pid), 0),
      )),
    200,
  );
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The p-th percentile of `values` (nearest rank), 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  return [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
}
