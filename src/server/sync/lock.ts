import "server-only";
import pg from "pg";

export interface SyncLock {
  release(): Promise<void>;
}

// Any constant shared by every instance; it only has to differ from other advisory locks.
const SYNC_LOCK_KEY = 7_311_202_601;

/**
 * One sync at a time across every app instance and CLI: a session-level Postgres advisory lock on
 * a connection of its own. If the process dies (kill -9), Postgres drops the connection and the
 * lock with it, so the next run is never blocked by a dead one. Null when another run holds it.
 */
export async function acquireSyncLock(connectionString: string): Promise<SyncLock | null> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [SYNC_LOCK_KEY]);
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    async release() {
      await client.query("SELECT pg_advisory_unlock($1)", [SYNC_LOCK_KEY]).catch(() => undefined);
      await client.end();
    },
  };
}
