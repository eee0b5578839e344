// Also loaded by the production server (scripts/server.ts) outside Next.js, hence no "server-only" marker.
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";

// Every write that changes what paper pages show (votes, imports, submissions, comments,
// moderation) NOTIFYs this channel; every app instance LISTENs, so caches in all of them (the
// paper queries' data cache and the anonymous page cache) learn of it within moments.
export const PAPERS_CHANGED_CHANNEL = "papers_changed";

/**
 * Inside a writing transaction: delivered to every instance on commit, never on rollback. With the
 * shared client, after a write has committed.
 */
export async function notifyPapersChanged(db: Pick<Prisma.TransactionClient, "$executeRaw">): Promise<void> {
  // Raw: Prisma has no NOTIFY.
  await db.$executeRaw`SELECT pg_notify(${PAPERS_CHANGED_CHANNEL}, '')`;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/**
 * Calls `onChange` for every notification for the life of the process, on a connection of its own
 * that reconnects with backoff; also once after each (re)connection, since changes made while
 * disconnected were missed.
 */
export function listenForPaperChanges(connectionString: string, onChange: () => void): void {
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
    client.on("notification", onChange);
    client.on("error", reconnect);
    try {
      await client.connect();
      await client.query(`LISTEN ${PAPERS_CHANGED_CHANNEL}`);
      retryDelayMs = FIRST_RETRY_MS;
      onChange();
    } catch {
      reconnect();
    }
  };
  void connect(FIRST_RETRY_MS);
}
