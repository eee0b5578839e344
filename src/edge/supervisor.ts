// `npm start` keeps the site up when a server process dies (a V8 heap exhaustion, a crash): a
// primary process forks WEB_CONCURRENCY server processes that share the port and forks a new one
// when one exits, at once the first time and with a growing pause if they keep dying. SIGTERM and
// SIGINT are passed on: each process stops taking connections and finishes what it has.
import cluster, { type Worker } from "node:cluster";

export interface SupervisorOptions {
  workers: number;
  log?: (message: string) => void;
}

const RESTART_WINDOW_MS = 30_000;
const MAX_PAUSE_MS = 4_000;

export function supervise({ workers, log = console.log }: SupervisorOptions): void {
  let stopping = false;
  const recentExits: number[] = [];

  const fork = (): Worker => cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    recentExits.push(now);
    while (recentExits[0]! < now - RESTART_WINDOW_MS) recentExits.shift();
    // The first restart at once; a process that keeps dying waits longer each time (up to 4 s).
    const pauseMs = Math.min(MAX_PAUSE_MS, 250 * 2 ** (recentExits.length - 1) - 250);
    log(`Server process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another in ${pauseMs} ms.`);
    setTimeout(fork, pauseMs);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the requests under way.`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  for (let index = 0; index < workers; index += 1) fork();
}
