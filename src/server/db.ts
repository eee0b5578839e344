import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/env";
import { PrismaClient } from "@/generated/prisma/client";

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
