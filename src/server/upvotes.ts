import "server-only";
import type { Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/queries/paper-dto";

export interface UpvoteState {
  paperId: string;
  upvoted: boolean;
  /** The count shown on the card: upstream plus local upvotes. */
  upvotes: number;
}

// Each change is one statement: the row insert/delete and the count adjustment commit together,
// and the count moves only by the number of rows the statement actually inserted or deleted. The
// primary key (userId, paperId) makes a concurrent duplicate insert wait and then do nothing.

/** Adds the user's upvote (idempotent). Null when the paper does not exist. */
export async function castUpvote(db: Db, userId: string, paperId: string): Promise<UpvoteState | null> {
  const rows = await db.$queryRaw<{ upvotes: number }[]>`
    WITH inserted AS (
      INSERT INTO "Upvote" ("userId", "paperId")
      SELECT ${userId}, "id" FROM "Paper" WHERE "id" = ${paperId}
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    UPDATE "Paper" SET "localUpvotes" = "localUpvotes" + (SELECT count(*) FROM inserted)::int
    WHERE "id" = ${paperId}
    RETURNING "upstreamUpvotes" + "localUpvotes" AS "upvotes"`;
  return rows[0] ? { paperId, upvoted: true, upvotes: rows[0].upvotes } : null;
}

/** Removes the user's upvote (idempotent). Null when the paper does not exist. */
export async function removeUpvote(db: Db, userId: string, paperId: string): Promise<UpvoteState | null> {
  const rows = await db.$queryRaw<{ upvotes: number }[]>`
    WITH deleted AS (
      DELETE FROM "Upvote" WHERE "userId" = ${userId} AND "paperId" = ${paperId}
      RETURNING 1
    )
    UPDATE "Paper" SET "localUpvotes" = "localUpvotes" - (SELECT count(*) FROM deleted)::int
    WHERE "id" = ${paperId}
    RETURNING "upstreamUpvotes" + "localUpvotes" AS "upvotes"`;
  return rows[0] ? { paperId, upvoted: false, upvotes: rows[0].upvotes } : null;
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
  const rows = await db.upvote.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { paperId: "asc" }], take: limit, select: { paper: { select: paperSelect } } });
  return rows.map((row) => toPaperDto(row.paper));
}
