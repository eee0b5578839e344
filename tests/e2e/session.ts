import { randomBytes } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import pg from "pg";
import { env } from "@/env";

/** Runs `work` with a connection to the database the server under test uses. */
export async function withDatabase<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  try {
    const result = await work(db);
    // As the app's own writes do: the page caches of the servers under test learn of the change.
    await db.query(`SELECT pg_notify('papers_changed', '')`);
    return result;
  } finally {
    await db.end();
  }
}

/** Signs the browser context in as `email` through a database session, as next-auth keeps them. */
export async function signInAs(context: BrowserContext, baseURL: string, email: string): Promise<void> {
  const token = randomBytes(32).toString("hex");
  await withDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO "User" (id, email, "emailVerified") VALUES ($1, $2, now()) ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
      [`e2e-${randomBytes(8).toString("hex")}`, email],
    );
    await db.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $1, $2, now() + interval '1 day')`, [
      token,
      rows[0]!.id,
    ]);
  });
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL }]);
}
