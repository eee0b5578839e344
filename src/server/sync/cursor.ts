import "server-only";
import { type z } from "zod";
import type { Db } from "@/server/db";

/** Reads a source's saved state; a missing or unreadable one (an older format) starts afresh. */
export async function readCursor<State extends z.ZodType>(db: Db, source: string, schema: State): Promise<z.infer<State> | null> {
  const row = await db.syncCursor.findUnique({ where: { source } });
  const parsed = schema.safeParse(row?.state);
  return parsed.success ? parsed.data : null;
}

export async function writeCursor(db: Db, source: string, state: object): Promise<void> {
  await db.syncCursor.upsert({ where: { source }, create: { source, state }, update: { state } });
}
