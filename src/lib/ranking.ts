// Trending score, Hacker News style:
//
//   score = (upvotes + 1) / (ageHours + 2) ^ GRAVITY
//
// where upvotes = upstream + local upvotes and ageHours is the time since the paper was added to
// the feed (its feed day, at 00:00 UTC, or the exact submission time when known). The +1 keeps new
// papers with no votes comparable; the +2 hours damps the first hours; GRAVITY = 1.5 makes a
// paper need roughly 2.8 times the votes to keep its rank when its age doubles.
export const GRAVITY = 1.5;
/** Trending lists (page, feed) cover the papers added in this many days. */
export const TRENDING_DAYS = 7;
const HOUR_MS = 3_600_000;

export interface RankInput {
  upvotes: number;
  addedAt: Date;
}

export interface RankExplanation {
  upvotes: number;
  ageHours: number;
  score: number;
}

export function trendingScore({ upvotes, addedAt }: RankInput, now: Date): RankExplanation {
  const ageHours = Math.max(0, (now.getTime() - addedAt.getTime()) / HOUR_MS);
  const score = (upvotes + 1) / Math.pow(ageHours + 2, GRAVITY);
  return { upvotes, ageHours, score };
}

/** Sorts by descending score (ties: more upvotes, then id) and attaches each explanation. */
export function rankByTrending<T extends RankInput & { id: string }>(items: T[], now: Date): (T & { rank: RankExplanation })[] {
  return items
    .map((item) => ({ ...item, rank: trendingScore(item, now) }))
    .sort((a, b) => b.rank.score - a.rank.score || b.upvotes - a.upvotes || a.id.localeCompare(b.id));
}
