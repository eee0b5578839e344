// The "best" order of a paper's comment threads, Hacker News style:
//
//   score = (upvotes + 1) / (ageHours + 2) ^ COMMENT_GRAVITY
//
// highest first, ties by id. Lobsters orders comments by `confidence`, the lower bound of the
// Wilson score interval on upvotes against downvotes (https://github.com/lobsters/lobsters,
// app/models/comment.rb; Evan Miller, "How Not To Sort By Average Rating", 2009). Comments here
// have upvotes only, so that bound sees a share of 100% every time and collapses to
// n / (n + z²): a function of the count alone, with no age in it, that would still need an age
// decay bolted on. Hacker News' formula (the one src/lib/ranking.ts uses for trending papers) has
// both in one term: votes lift a thread, age wears it down, and a new thread starts near the top,
// so a fresh comment is seen and can earn its votes. The +1 keeps unvoted threads apart by age
// (newer first) instead of all tying at zero; the +2 hours damps the first hours.
//
// A paper's discussion lasts weeks, not a front page's day: with a gravity of 1.5 a thread needs
// about 2.8 times the votes to keep its place when its age doubles (1.8, Hacker News' own, would
// bury a good week-old answer under any new remark).
//
// The database sorts by the same expression (src/server/comments/comments.ts, `bestOrderSql`);
// tests/integration/comment-votes.test.ts checks that the two agree.
export const COMMENT_GRAVITY = 1.5;
const HOUR_MS = 3_600_000;

export interface RankedComment {
  id: string;
  upvotes: number;
  createdAt: Date;
}

/** The thread's score at `now`; a comment stamped in the future counts as brand new. */
export function commentScore({ upvotes, createdAt }: Pick<RankedComment, "upvotes" | "createdAt">, now: Date): number {
  const ageHours = Math.max(0, (now.getTime() - createdAt.getTime()) / HOUR_MS);
  return (upvotes + 1) / Math.pow(ageHours + 2, COMMENT_GRAVITY);
}

/** Threads in best order: highest score first, equal scores by id (code-unit order, as PostgreSQL's "C" collation sorts). */
export function rankCommentsBest<T extends RankedComment>(threads: readonly T[], now: Date): T[] {
  return threads
    .map((thread) => ({ thread, score: commentScore(thread, now) }))
    .sort((a, b) => b.score - a.score || (a.thread.id < b.thread.id ? -1 : a.thread.id > b.thread.id ? 1 : 0))
    .map(({ thread }) => thread);
}
