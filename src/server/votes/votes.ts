import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { arxivIdSchema } from "@/lib/arxiv-id";
import { AppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { papersChangedNotice } from "@/server/changes/pages-changed";
import { db as sharedDb, queryRows, type Db } from "@/server/db";
import { parseOrThrow } from "@/server/http/errors";
import { enforceRateLimit, type RateLimitRule } from "@/server/http/rate-limit";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";

export interface UpvoteState {
  paperId: string;
  upvoted: boolean;
  /** The count shown on the card: upstream plus local upvotes. */
  upvotes: number;
}

// Generous for people and scripts, low enough that one account cannot hammer the paper rows.
export const UPVOTE_RATE_LIMIT: RateLimitRule = { limit: 120, windowMs: 60_000 };

const voteInput = z.object({ paperId: arxivIdSchema, upvoted: z.boolean() });

/**
 * A signed-in user's vote from any entry point (API route or server action): validated, rate
 * limited per user, applied. Throws AppErrors (400, 404, 429) with messages meant for people.
 */
export async function voteAsUser(
  db: Db,
  userId: string,
  input: unknown,
  rateLimit: RateLimitRule = UPVOTE_RATE_LIMIT,
): Promise<UpvoteState> {
  const { paperId, upvoted } = parseOrThrow(voteInput, input);
  await enforceRateLimit(db, `upvote:user:${userId}`, rateLimit, (wait) => `You are voting too fast. Try again in ${wait}.`);
  const state = await setUpvote(db, userId, paperId, upvoted);
  if (!state) throw new AppError("NOT_FOUND", `There is no paper ${paperId} here.`);
  return state;
}

const countRow = z.object({ upvotes: z.number(), notified: z.number() });

// The change notice rides in the vote's own statement (delivered on commit, only when a row
// changed), so a vote is one round trip after the session and the rate limit.

// Raw: each change is one statement, so the row insert/delete, the count adjustment and the change
// notice commit together and the count moves only by the number of rows actually inserted or deleted. The
// primary key (userId, paperId) makes a concurrent duplicate insert wait and then do nothing.

/** Adds the user's upvote (idempotent). Null when the paper does not exist. */
export async function castUpvote(db: Db, userId: string, paperId: string): Promise<UpvoteState | null> {
  const [row] = await queryRows(
    db,
    countRow,
    Prisma.sql`
      WITH inserted AS (
        INSERT INTO "Upvote" ("userId", "paperId")
        SELECT ${userId}, "id" FROM "Paper" WHERE "id" = ${paperId} AND "hiddenAt" IS NULL
        ON CONFLICT DO NOTHING
        RETURNING 1
      ), counted AS (
        UPDATE "Paper" SET "localUpvotes" = "localUpvotes" + (SELECT count(*) FROM inserted)::int
        WHERE "id" = ${paperId} AND "hiddenAt" IS NULL
        RETURNING "upstreamUpvotes" + "localUpvotes" AS "upvotes"
      ), ${papersChangedNotice(Prisma.sql`inserted`)}
      SELECT "upvotes", (SELECT count(*) FROM notified)::int AS "notified" FROM counted`,
  );
  return row ? { paperId, upvoted: true, upvotes: row.upvotes } : null;
}

/** Removes the user's upvote (idempotent). Null when the paper does not exist. */
export async function removeUpvote(db: Db, userId: string, paperId: string): Promise<UpvoteState | null> {
  const [row] = await queryRows(
    db,
    countRow,
    Prisma.sql`
      WITH deleted AS (
        DELETE FROM "Upvote" WHERE "userId" = ${userId} AND "paperId" = ${paperId}
        RETURNING 1
      ), counted AS (
        UPDATE "Paper" SET "localUpvotes" = "localUpvotes" - (SELECT count(*) FROM deleted)::int
        WHERE "id" = ${paperId}
        RETURNING "upstreamUpvotes" + "localUpvotes" AS "upvotes"
      ), ${papersChangedNotice(Prisma.sql`deleted`)}
      SELECT "upvotes", (SELECT count(*) FROM notified)::int AS "notified" FROM counted`,
  );
  return row ? { paperId, upvoted: false, upvotes: row.upvotes } : null;
}

export function setUpvote(db: Db, userId: string, paperId: string, upvoted: boolean): Promise<UpvoteState | null> {
  return upvoted ? castUpvote(db, userId, paperId) : removeUpvote(db, userId, paperId);
}

/** Which of `paperIds` the user has upvoted, for marking a page of cards. */
export async function getUpvotedPaperIds(db: Db, userId: string | null | undefined, paperIds: string[]): Promise<Set<string>> {
  if (!userId || paperIds.length === 0) return new Set();
  const rows = await db.upvote.findMany({ where: { userId, paperId: { in: paperIds } }, select: { paperId: true } });
  return new Set(rows.map((row) => row.paperId));
}

/** The user's upvoted papers, most recently upvoted first (for /me). */
export async function listUpvotedPapers(db: Db, userId: string, limit = 200): Promise<PaperDto[]> {
  const rows = await db.upvote.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { paperId: "asc" }],
    take: limit,
    select: { paper: { select: paperSelect } },
  });
  return rows.map((row) => toPaperDto(row.paper));
}

export interface ViewerVotes {
  signedIn: boolean;
  upvoted: Set<string>;
}

/** The viewer's own votes on these papers: cached feed data is shared, this part is per request. */
export async function getViewerVotes(paperIds: string[]): Promise<ViewerVotes> {
  const user = await getCurrentUser();
  return { signedIn: Boolean(user), upvoted: await getUpvotedPaperIds(sharedDb, user?.id, paperIds) };
}
