import "server-only";
import type { Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";
import { SIMILAR_LIST_LENGTH, storeSimilarList } from "@/server/papers/similar-lists";

/** Neighbours on a paper page. */
export const SIMILAR_PAPERS = 6;
/** Neighbours on the "More like this" page: the whole stored list. */
export const MORE_LIKE_THIS = SIMILAR_LIST_LENGTH;
// A neighbour hidden since its list was ranked is skipped; a few spare ids keep the page full.
const SPARE_FOR_HIDDEN = 4;

export interface PaperWithSimilar {
  paper: PaperDto;
  /** Up to the asked number of papers closest to it by content, closest first. */
  similar: PaperDto[];
}

/**
 * A visible paper and up to `limit` of its closest papers by content (see storeSimilarList), or
 * null. Reads the stored list (one primary-key lookup), then the paper and its neighbours in one
 * query; a paper without a list yet (imported in bulk, or before lists were stored) is ranked now
 * and its list stored, so it shows neighbours at once.
 */
export async function getPaperWithSimilar(db: Db, paperId: string, limit = SIMILAR_PAPERS): Promise<PaperWithSimilar | null> {
  const stored = await db.similarPaperList.findUnique({ where: { paperId }, select: { paperIds: true } });
  const similarIds = (stored?.paperIds ?? (await storeSimilarList(db, paperId, new Date())) ?? []).slice(0, limit + SPARE_FOR_HIDDEN);
  const rows = await db.paper.findMany({ where: { id: { in: [paperId, ...similarIds] }, hiddenAt: null }, select: paperSelect });
  const byId = new Map(rows.map((row) => [row.id, toPaperDto(row)]));
  const paper = byId.get(paperId);
  if (!paper) return null;
  return { paper, similar: similarIds.flatMap((id) => byId.get(id) ?? []).slice(0, limit) };
}
