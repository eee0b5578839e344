import "server-only";
import type { Db } from "@/server/db";
import { storeSimilarListsOfNewPapers } from "@/server/papers/similar-lists";
import { storePaperVectors } from "@/server/recs/paper-vectors";

/**
 * What every import does with the papers it created (in the order written): their recommender
 * vectors, all of them, and the similar-paper lists of the newest. The sync's background refresh
 * catches up on anything a killed import left undone.
 */
export async function processNewPapers(db: Db, createdIds: string[], now: Date): Promise<void> {
  await storePaperVectors(db, createdIds, now);
  await storeSimilarListsOfNewPapers(db, createdIds, now);
}
