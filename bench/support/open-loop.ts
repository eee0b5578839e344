// A fixed arrival rate, as a crawler sends: each request leaves on schedule whether or not the
// earlier ones were answered. autocannon's overallRate only paces its connections, so a server that
// slows down would slow the load down with it and never see the queue a crawler builds.
import http from "node:http";

export interface OpenLoopOptions {
  baseUrl: string;
  nextPath: () => string;
  /** Requests per second. */
  rate: number;
  seconds: number;
  headers?: Record<string, string>;
  /** A request not answered within this long is given up (and counted as a timeout). */
  timeoutMs: number;
}

export interface OpenLoopResult {
  sent: number;
  /** Latencies in ms of the answered requests, by status. */
  latenciesByStatus: Map<number, number[]>;
  socketErrors: number;
  timeouts: number;
  /** The most requests waiting for an answer at once. */
  maxInFlight: number;
}

// How often the schedule is checked: requests due since the last tick go out together.
const TICK_MS = 5;

export async function openLoop({ baseUrl, nextPath, rate, seconds, headers = {}, timeoutMs }: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true });
  const result: OpenLoopResult = { sent: 0, latenciesByStatus: new Map(), socketErrors: 0, timeouts: 0, maxInFlight: 0 };
  const inFlight = new Set<Promise<void>>();

  const send = () => {
    const started = performance.now();
    const signal = AbortSignal.timeout(timeoutMs);
    const answered = new Promise<void>((resolve) => {
      // A request and its response can both report one failure: count it once.
      let settled = false;
      const settle = (record: () => void) => {
        if (settled) return;
        settled = true;
        record();
        resolve();
      };
      const fail = () => settle(() => (signal.aborted ? (result.timeouts += 1) : (result.socketErrors += 1)));
      const request = http.get(new URL(nextPath(), baseUrl), { agent, headers, signal }, (response) => {
        response.resume();
        response.once("error", fail);
        response.once("end", () =>
          settle(() => {
            const latencies = result.latenciesByStatus.get(response.statusCode!) ?? [];
            latencies.push(performance.now() - started);
            result.latenciesByStatus.set(response.statusCode!, latencies);
          }),
        );
      });
      request.once("error", fail);
    });
    inFlight.add(answered);
    void answered.then(() => inFlight.delete(answered));
    result.sent += 1;
    result.maxInFlight = Math.max(result.maxInFlight, inFlight.size);
  };

  const start = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = Math.min(seconds, (performance.now() - start) / 1000);
      const due = Math.floor(elapsed * rate);
      while (result.sent < due) send();
      if (elapsed >= seconds) {
        clearInterval(timer);
        resolve();
      }
    }, TICK_MS);
  });
  await Promise.all(inFlight);
  agent.destroy();
  return result;
}
