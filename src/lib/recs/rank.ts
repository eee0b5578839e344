// For-you's order for a reader with a model: the model's margin, a little lower for each day a
// paper has been out (so today's close match beats last week's), and the community's votes as a
// small nudge that only decides between near-equal papers. The margin is the caller's (packedMargin).

/** Margin lost per day of age: a week costs about as much as one strong shared term. */
export const FRESHNESS_PER_DAY = 0.05;
const VOTES_NUDGE = 0.02;

export interface RankCandidate {
  id: string;
  /** Days since the paper's feed day (0 for today). */
  ageDays: number;
  upvotes: number;
}

export function blendedScore(margin: number, candidate: RankCandidate): number {
  return margin - FRESHNESS_PER_DAY * candidate.ageDays + VOTES_NUDGE * Math.log1p(candidate.upvotes);
}

/** Candidates best first by blendedScore (ties by id, so an order is reproducible). */
export function rankCandidates<T extends RankCandidate>(
  candidates: readonly T[],
  marginOf: (candidate: T) => number,
): { candidate: T; score: number }[] {
  return candidates
    .map((candidate) => ({ candidate, score: blendedScore(marginOf(candidate), candidate) }))
    .sort((a, b) => b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : 1));
}
