import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { queryRows, type Db } from "@/server/db";

// Packed vectors held in the process, by paper id. Ranking a reader's week reads the same ~4,700
// vectors as every other reader's: fetched per request they cost ~30 ms of primary-key probes and
// ~25 ms of transfer (at a million papers), from memory nothing. A vector changes only when the
// refresh weighs it again (by a few percent, once the corpus has doubled), so a copy is dropped
// only to bound memory, oldest first; a process restart or the copy's eviction picks up the new one.

/** ~400 bytes each: about 20 MB, several windows of the busiest feed. */
const MAX_CACHED = 50_000;

const cached = new Map<string, Uint8Array>();

const vectorRow = z.object({ paperId: z.string(), packed: z.instanceof(Uint8Array) });

/** The packed vectors of these papers (those that have one), from memory where possible. */
export async function packedVectors(db: Db, paperIds: readonly string[]): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  const missing: string[] = [];
  for (const id of paperIds) {
    const packed = cached.get(id);
    if (packed) found.set(id, packed);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await queryRows(
      db,
      vectorRow,
      Prisma.sql`SELECT "paperId", "packed" FROM "PaperVector" WHERE "paperId" = ANY(${missing}::text[])`,
    );
    for (const row of rows) {
      found.set(row.paperId, row.packed);
      cached.set(row.paperId, row.packed);
    }
    // Oldest first: a Map iterates in insertion order.
    for (const id of cached.keys()) {
      if (cached.size <= MAX_CACHED) break;
      cached.delete(id);
    }
  }
  return found;
}
