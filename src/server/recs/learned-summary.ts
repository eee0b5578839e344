import "server-only";
import { MIN_POSITIVES } from "@/lib/recs/reader-training";
import type { Db } from "@/server/db";
import { getReaderModel } from "@/server/recs/reader-model";

/** Positives and terms /me shows: enough to recognise the model, not the whole of it. */
const SHOWN_POSITIVES = 10;
const SHOWN_TERMS = 12;

export interface LearnedSummary {
  hasModel: boolean;
  paused: boolean;
  trainedAt: Date | null;
  positivesCount: number;
  positivesNeeded: number;
  /** The newest papers it learns from. */
  positives: { id: string; title: string }[];
  /** Terms that raise a paper most, and those that lower it most. */
  liked: { term: string; weight: number }[];
  disliked: { term: string; weight: number }[];
}

/** What For you has learned about the reader, for /me ("reset" and "pause" beside it). */
export async function describeLearning(db: Db, userId: string, now: Date): Promise<LearnedSummary> {
  const state = await getReaderModel(db, userId, now);
  const ids = state.positives.slice(0, SHOWN_POSITIVES).map((positive) => positive.paperId);
  const titles = new Map(
    (await db.paper.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((paper) => [paper.id, paper.title]),
  );
  const terms = [...(state.model?.weights ?? [])].filter(([term]) => !term.startsWith("cat:")).map(([term, weight]) => ({ term, weight }));
  return {
    hasModel: state.model !== null,
    paused: state.paused,
    trainedAt: state.trainedAt,
    positivesCount: state.positives.length,
    positivesNeeded: Math.max(0, MIN_POSITIVES - state.positives.length),
    positives: ids.map((id) => ({ id, title: titles.get(id) ?? id })),
    liked: terms
      .filter(({ weight }) => weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, SHOWN_TERMS),
    disliked: terms
      .filter(({ weight }) => weight < 0)
      .sort((a, b) => a.weight - b.weight)
      .slice(0, SHOWN_TERMS / 2),
  };
}
