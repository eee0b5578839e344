import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assertMayContribute, type CurrentUser } from "@/server/auth/session";
import { papersChangedNotice } from "@/server/changes/pages-changed";
import { queryRows, type Db } from "@/server/db";
import { parseOrThrow } from "@/server/http/errors";
import { enforceRateLimit, type RateLimitRule } from "@/server/http/rate-limit";

export interface CommentVoteState {
  commentId: string;
  /** The paper it is on, whose page shows the count. */
  paperId: string;
  upvoted: boolean;
  upvotes: number;
}

// As many as paper votes allow: a reader goes down a discussion voting, a script cannot hammer the rows.
export const COMMENT_VOTE_RATE_LIMIT: RateLimitRule = { limit: 120, windowMs: 60_000 };

const voteInput = z.object({
  commentId: z.string().min(1, "Name the comment to vote on.").max(100, "That is not a comment id."),
  upvoted: z.boolean(),
});

const countRow = z.object({ paperId: z.string(), upvotes: z.number(), notified: z.number() });

// Raw: each change is one statement, as votes.ts does for papers, so the CommentVote row and
// Comment.upvotes commit together and the count moves only by the rows actually inserted or
// deleted. The primary key (commentId, userId) makes a concurrent duplicate wait and then do
// nothing. `target` admits only a live comment (not deleted, not hidden, on a paper that is not
// hidden) and never the reader's own; the change notice rides along (delivered on commit, only
// when a row changed), so the paper page's cached copy for signed-out readers shows the new count.
function voteStatement(userId: string, commentId: string, upvoted: boolean): Prisma.Sql {
  const target = Prisma.sql`
    target AS (
      SELECT c."id" FROM "Comment" c JOIN "Paper" p ON p."id" = c."paperId"
      WHERE c."id" = ${commentId} AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL AND p."hiddenAt" IS NULL
        AND c."userId" IS DISTINCT FROM ${userId}
    )`;
  const change = upvoted
    ? Prisma.sql`changed AS (
        INSERT INTO "CommentVote" ("commentId", "userId") SELECT "id", ${userId} FROM target
        ON CONFLICT DO NOTHING
        RETURNING 1
      ), counted AS (
        UPDATE "Comment" SET "upvotes" = "upvotes" + (SELECT count(*) FROM changed)::int
        WHERE "id" IN (SELECT "id" FROM target)
        RETURNING "paperId", "upvotes"
      )`
    : Prisma.sql`changed AS (
        DELETE FROM "CommentVote" WHERE "commentId" IN (SELECT "id" FROM target) AND "userId" = ${userId}
        RETURNING 1
      ), counted AS (
        UPDATE "Comment" SET "upvotes" = "upvotes" - (SELECT count(*) FROM changed)::int
        WHERE "id" IN (SELECT "id" FROM target)
        RETURNING "paperId", "upvotes"
      )`;
  return Prisma.sql`
    WITH ${target}, ${change}, ${papersChangedNotice(Prisma.sql`changed`)}
    SELECT "paperId", "upvotes", (SELECT count(*) FROM notified)::int AS "notified" FROM counted`;
}

/** Why a vote found no comment to count on: the message for the reader. */
async function refusal(db: Db, userId: string, commentId: string): Promise<AppError> {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { userId: true } });
  if (comment && comment.userId === userId) return new AppError("FORBIDDEN", "You cannot upvote your own comment.");
  return new AppError("NOT_FOUND", "That comment is gone.");
}

/**
 * A signed-in reader upvotes a comment or takes the upvote back (idempotent: a second upvote
 * changes nothing): one per reader, never on one's own, never by a suspended account. Throws
 * AppErrors (400, 403, 404, 429) with messages meant for people.
 */
export async function setCommentVote(
  db: Db,
  voter: CurrentUser,
  input: unknown,
  rateLimit: RateLimitRule = COMMENT_VOTE_RATE_LIMIT,
): Promise<CommentVoteState> {
  assertMayContribute(voter);
  const userId = voter.id;
  const { commentId, upvoted } = parseOrThrow(voteInput, input);
  await enforceRateLimit(db, `comment-vote:user:${userId}`, rateLimit, (wait) => `You are voting too fast. Try again in ${wait}.`);
  const [row] = await queryRows(db, countRow, voteStatement(userId, commentId, upvoted));
  if (!row) throw await refusal(db, userId, commentId);
  return { commentId, paperId: row.paperId, upvoted, upvotes: row.upvotes };
}
