import pg from "pg";
import { isAlive } from "../../scripts/lib/is-alive";

export const TEMPLATE_DATABASE = "daily_papers_test_template";
const TEST_DATABASE_PREFIX = "daily_papers_test_";

export function testDatabaseName(): string {
  return `${TEST_DATABASE_PREFIX}${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Drops test databases left behind by runs whose process no longer exists. */
export async function dropStaleTestDatabases(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${TEST_DATABASE_PREFIX}%`,
    ]);
    for (const { datname } of rows) {
      const pid = Number(/^daily_papers_test_(\d+)_/.exec(datname)?.[1]);
      if (!pid || isAlive(pid)) continue;
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
