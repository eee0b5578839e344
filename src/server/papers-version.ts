import "server-only";
import pg from "pg";
import { PAPERS_CHANGED_CHANNEL } from "./notifications";

// Imports run in another process (the CLI), so they cannot call revalidateTag in the app. They
// NOTIFY instead; each app instance LISTENs and bumps this counter, which is part of every cached
// paper query's key, so the next request after an import reads fresh data.
const state = globalThis as unknown as { papersVersion?: number; papersListener?: boolean };

// The Next.js data cache outlives the process (.next/cache), so the version starts from the boot
// time: a counter restarting at 0 would meet entries cached before a restart, when the data may
// have changed in between.
export function papersVersion(): number {
  state.papersVersion ??= Date.now();
  return state.papersVersion;
}

function bumpPapersVersion() {
  state.papersVersion = papersVersion() + 1;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/** Listens for paper changes for the life of the process, reconnecting with backoff. */
export function listenForPaperChanges(connectionString: string): void {
  if (state.papersListener) return;
  state.papersListener = true;
  const connect = async (retryDelayMs: number) => {
    const client = new pg.Client({ connectionString });
    let retried = false;
    // A failing connection can both emit "error" and reject the pending query: retry once.
    const reconnect = () => {
      if (retried) return;
      retried = true;
      client.removeAllListeners();
      client.on("error", () => {});
      client.end().catch(() => {});
      setTimeout(() => void connect(Math.min(retryDelayMs * 2, MAX_RETRY_MS)), retryDelayMs).unref();
    };
    client.on("notification", bumpPapersVersion);
    client.on("error", reconnect);
    try {
      await client.connect();
      await client.query(`LISTEN ${PAPERS_CHANGED_CHANNEL}`);
      retryDelayMs = FIRST_RETRY_MS;
      bumpPapersVersion(); // changes made while disconnected were missed
    } catch {
      reconnect();
    }
  };
  void connect(FIRST_RETRY_MS);
}
