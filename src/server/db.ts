import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { z } from "zod";
import { env } from "@/env";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";

export type Db = PrismaClient;

export function createDb(connectionString: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

// One client per process (dev hot reloads would otherwise open a pool per edit), created on first
// use so that importing this module (e.g. during `next build`) needs no database.
const globalForDb = globalThis as unknown as { db?: Db };

function sharedDb(): Db {
  if (globalForDb.db) return globalForDb.db;
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide a local database.");
  }
  globalForDb.db = createDb(env.DATABASE_URL);
  return globalForDb.db;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = sharedDb();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * Runs a raw query and checks every row against `row`. Prisma's TypedSQL would type these at build
 * time, but it needs a live database when the client is generated (npm install has none), so the
 * check runs when the query does: a renamed column fails the tests, not silently in production.
 */
export async function queryRows<Row extends z.ZodType>(
  client: Pick<Prisma.TransactionClient, "$queryRaw">,
  row: Row,
  query: Prisma.Sql,
): Promise<z.infer<Row>[]> {
  return z.array(row).parse(await client.$queryRaw(query));
}
