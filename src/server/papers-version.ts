import "server-only";
import pg from "pg";
import { PAPERS_CHANGED_CHANNEL } from "./notifications";

// Imports run in another process (the CLI), so they cannot call revalidateTag in the app. They
// NOTIFY instead; each app instance LISTENs and bumps this counter, which is part of every cached
// paper query's key, so the next request after an import reads fresh data.
const state = globalThis as unknown as { papersVersion?: number; papersListener?: boolean };

export function papersVersion(): number {
  return state.papersVersion ?? 0;
}

function bumpPapersVersion() {
  state.papersVersion = papersVersion() + 1;
}

/** Listens for paper changes for the life of the process, reconnecting with backoff. */
export function listenForPaperChanges(connectionString: string, retryDelayMs = 1000): void {
  if (state.papersListener) return;
  state.papersListener = true;
  const connect = async () => {
    const client = new pg.Client({ connectionString });
    const reconnect = () => {
      client.removeAllListeners();
      client.end().catch(() => {});
      setTimeout(connect, Math.min(retryDelayMs * 2, 30_000)).unref();
    };
    client.on("notification", bumpPapersVersion);
    client.on("error", reconnect);
    try {
      await client.connect();
      await client.query(`LISTEN ${PAPERS_CHANGED_CHANNEL}`);
      bumpPapersVersion(); // changes made while disconnected were missed
    } catch {
      reconnect();
    }
  };
  void connect();
}
