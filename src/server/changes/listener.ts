// Loaded by Next.js (instrumentation) and by the production server outside Next.js, in the same
// process but from two module graphs: hence no "server-only" marker, and state on globalThis.
import pg from "pg";

/** The channel every write that changes what paper pages show NOTIFYs (pages-changed.ts). */
export const PAPERS_CHANGED_CHANNEL = "papers_changed";

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

interface Listener {
  subscribers: Set<() => void>;
  /** Whether the connection is up: down means the database cannot be reached (or is restarting). */
  connected: boolean;
}

const LISTENERS = Symbol.for("daily-papers.papers-changed-listeners");
const store = globalThis as { [LISTENERS]?: Map<string, Listener> };

/**
 * Calls `onChange` for every notice of changed papers, for the life of the process, and once after
 * each (re)connection, since changes made while disconnected were missed. Every cache of a process
 * subscribes here, and they share one LISTEN connection per database, which reconnects with backoff.
 */
export function onPapersChanged(connectionString: string, onChange: () => void): void {
  store[LISTENERS] ??= new Map();
  const existing = store[LISTENERS].get(connectionString);
  if (existing) {
    existing.subscribers.add(onChange);
    return;
  }
  const listener: Listener = { subscribers: new Set([onChange]), connected: false };
  store[LISTENERS].set(connectionString, listener);
  listen(connectionString, listener);
}

/**
 * False while this process's listening connection to the database is down: the production server
 * then answers failed pages with 503 and Retry-After instead of 500. Unknown (no listener) is true.
 */
export function isDatabaseReachable(connectionString: string): boolean {
  return store[LISTENERS]?.get(connectionString)?.connected ?? true;
}

function listen(connectionString: string, listener: Listener): void {
  const notify = () => listener.subscribers.forEach((subscriber) => subscriber());
  const connect = async (retryDelayMs: number) => {
    const client = new pg.Client({ connectionString });
    let retried = false;
    // A failing connection can both emit "error" and reject the pending query: retry once.
    const reconnect = () => {
      listener.connected = false;
      if (retried) return;
      retried = true;
      client.removeAllListeners();
      client.on("error", () => {});
      client.end().catch(() => {});
      setTimeout(() => void connect(Math.min(retryDelayMs * 2, MAX_RETRY_MS)), retryDelayMs).unref();
    };
    client.on("notification", notify);
    client.on("error", reconnect);
    client.on("end", reconnect);
    try {
      await client.connect();
      await client.query(`LISTEN ${PAPERS_CHANGED_CHANNEL}`);
      listener.connected = true;
      retryDelayMs = FIRST_RETRY_MS;
      notify();
    } catch {
      reconnect();
    }
  };
  void connect(FIRST_RETRY_MS);
}
