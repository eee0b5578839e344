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
 * Papers added in the last this many days are ranked on their first view (a fresh import shows
 * neighbours at once); older ones without a list wait for the sync's background refresh, so that a
 * crawler walking a million old paper pages does not pay a ranking for each.
 */
export const RANK_ON_VIEW_DAYS = 60;

/** Which papers without a stored list are ranked when viewed: recent ones, or any ("More like this" is about nothing else). */
export type RankMissing = "recent" | "always";

/** How many neighbours a page shows, and whether it ranks a paper that has no list yet. */
export interface SimilarView {
  limit: number;
  rankMissing: RankMissing;
}

export const PAPER_PAGE_VIEW: SimilarView = { limit: SIMILAR_PAPERS, rankMissing: "recent" };
export const MORE_LIKE_THIS_VIEW: SimilarView = { limit: MORE_LIKE_THIS, rankMissing: "always" };

/**
 * A visible paper and up to `limit` of its closest papers by content (see storeSimilarList), or
 * null. Reads the stored list (one primary-key lookup), then the paper and its neighbours in one
 * query; a paper without a list yet is ranked now and its list stored when `rankMissing` allows.
 */
export async function getPaperWithSimilar(
  db: Db,
  paperId: string,
  { limit = SIMILAR_PAPERS, rankMissing = "recent", now = new Date() }: { limit?: number; rankMissing?: RankMissing; now?: Date } = {},
): Promise<PaperWithSimilar | null> {
  const stored = await db.similarPaperList.findUnique({ where: { paperId }, select: { paperIds: true } });
  const similarIds = (stored?.paperIds ?? (await rankIfAllowed(db, paperId, rankMissing, now)) ?? []).slice(0, limit + SPARE_FOR_HIDDEN);
  const rows = await db.paper.findMany({ where: { id: { in: [paperId, ...similarIds] }, hiddenAt: null }, select: paperSelect });
  const byId = new Map(rows.map((row) => [row.id, toPaperDto(row)]));
  const paper = byId.get(paperId);
  if (!paper) return null;
  return { paper, similar: similarIds.flatMap((id) => byId.get(id) ?? []).slice(0, limit) };
}

async function rankIfAllowed(db: Db, paperId: string, rankMissing: RankMissing, now: Date): Promise<string[] | null> {
  if (rankMissing === "recent") {
    const since = new Date(now.getTime() - RANK_ON_VIEW_DAYS * 86_400_000);
    const recent = await db.paper.findFirst({ where: { id: paperId, hiddenAt: null, feedDate: { gte: since } }, select: { id: true } });
    if (!recent) return null;
  }
  return storeSimilarList(db, paperId, now);
}
