import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { toIsoDate } from "@/lib/dates";
import { queryRows, type Db } from "@/server/db";

/** Everything stored about a user, as offered for download on /me. */
export async function exportUserData(db: Db, userId: string, now: Date = new Date()) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      image: true,
      emailVerified: true,
      createdAt: true,
      defaultFilter: true,
      hideRead: true,
      density: true,
      lastVisitAt: true,
      previousVisitAt: true,
      accounts: { select: { provider: true, providerAccountId: true } },
      sessions: { select: { expires: true }, orderBy: { expires: "desc" } },
      upvotes: { select: { paperId: true, createdAt: true, paper: { select: { title: true } } }, orderBy: { createdAt: "desc" } },
      commentVotes: {
        select: { commentId: true, createdAt: true, comment: { select: { paperId: true } } },
        orderBy: { createdAt: "desc" },
      },
      submittedPapers: { select: { id: true, title: true, feedDate: true, createdAt: true }, orderBy: { createdAt: "desc" } },
      subscriber: { select: { email: true, status: true, cadence: true, createdAt: true, confirmedAt: true, unsubscribedAt: true } },
      comments: {
        select: { id: true, paperId: true, threadId: true, body: true, createdAt: true, editedAt: true, deletedAt: true, hiddenAt: true },
        orderBy: { createdAt: "desc" },
      },
      reports: {
        select: { paperId: true, commentId: true, collectionId: true, reason: true, createdAt: true, resolvedAt: true },
        orderBy: { createdAt: "desc" },
      },
      hiddenPapers: { select: { paperId: true, hiddenAt: true, lessLikeThis: true }, orderBy: [{ hiddenAt: "desc" }, { paperId: "asc" }] },
      recsPausedAt: true,
      recsResetAt: true,
      readerModel: { select: { terms: true, weights: true, bias: true, positives: true, trainedAt: true } },
      groupMemberships: {
        select: { role: true, joinedAt: true, remindersOffAt: true, group: { select: { slug: true, name: true } } },
        orderBy: { joinedAt: "desc" },
      },
      sessionQuestions: { select: { sessionId: true, body: true, upvotes: true, createdAt: true }, orderBy: { createdAt: "desc" } },
      collections: {
        select: {
          name: true,
          slug: true,
          description: true,
          visibility: true,
          createdAt: true,
          papers: { select: { paperId: true, note: true, addedAt: true }, orderBy: { addedAt: "desc" } },
        },
        orderBy: { createdAt: "desc" },
      },
      collectionFollows: {
        select: { createdAt: true, collection: { select: { name: true, slug: true, owner: { select: { handle: true } } } } },
      },
      authorClaims: {
        select: { paperId: true, authorName: true, orcid: true, status: true, createdAt: true, decidedAt: true },
        orderBy: { createdAt: "desc" },
      },
      authorLinks: { select: { paperId: true, kind: true, url: true, createdAt: true } },
      authorNotifications: true,
      // What a token is, never the token or its hash.
      apiTokens: {
        select: { name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  const seenPapers = await exportSeenPapers(db, userId);
  return {
    exportedAt: now.toISOString(),
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      image: user.image,
      emailVerified: user.emailVerified,
      createdAt: user.createdAt,
    },
    // The main feed's default filter as its query string (`not=cs.CV&code=1`), or null.
    defaultFilter: user.defaultFilter,
    linkedAccounts: user.accounts,
    sessions: user.sessions,
    upvotes: user.upvotes.map((upvote) => ({ paperId: upvote.paperId, title: upvote.paper.title, upvotedAt: upvote.createdAt })),
    commentUpvotes: user.commentVotes.map((vote) => ({
      commentId: vote.commentId,
      paperId: vote.comment.paperId,
      upvotedAt: vote.createdAt,
    })),
    submittedPapers: user.submittedPapers.map((paper) => ({ ...paper, feedDate: toIsoDate(paper.feedDate) })),
    subscription: user.subscriber,
    comments: user.comments,
    reports: user.reports,
    // Read state: the "Hide read" setting, the visits behind "new since your last visit", the papers
    // seen (shown, opened or marked read) and hidden ("not interested").
    readState: { hideRead: user.hideRead, density: user.density, lastVisitAt: user.lastVisitAt, previousVisitAt: user.previousVisitAt },
    seenPapers,
    hiddenPapers: user.hiddenPapers,
    // For you's learning: paused or reset, and the model trained from the signals above.
    forYouLearning: { pausedAt: user.recsPausedAt, resetAt: user.recsResetAt, model: user.readerModel },
    readingGroups: user.groupMemberships.map(({ group, ...membership }) => ({ ...group, ...membership })),
    sessionQuestions: user.sessionQuestions,
    collections: user.collections,
    followedCollections: user.collectionFollows.map(({ createdAt, collection }) => ({
      name: collection.name,
      handle: collection.owner.handle,
      slug: collection.slug,
      followedAt: createdAt,
    })),
    authorClaims: user.authorClaims,
    authorLinks: user.authorLinks,
    authorNotifications: user.authorNotifications,
    apiTokens: user.apiTokens,
  };
}

const SEEN_EXPORT_CHUNK = 20_000;
const seenRow = z.object({ paperId: z.string(), seenAt: z.string() });

/**
 * The papers the user has seen, by id, with the time as an ISO string. A year of daily reading is
 * ~250k rows: read in chunks along the primary key, with the time formatted by the database, this
 * costs ~80 MB of heap at its peak with the JSON, where Prisma's relation load took ~200 MB (the
 * production server's heap is capped at 320 MB). Raw: to_char, and the keyset on the key.
 */
async function exportSeenPapers(db: Db, userId: string): Promise<z.infer<typeof seenRow>[]> {
  const seen: z.infer<typeof seenRow>[] = [];
  let after = "";
  for (;;) {
    const rows = await queryRows(
      db,
      seenRow,
      Prisma.sql`
        SELECT "paperId", to_char("seenAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "seenAt" FROM "PaperSeen"
        WHERE "userId" = ${userId} AND "paperId" > ${after}
        ORDER BY "paperId" LIMIT ${SEEN_EXPORT_CHUNK}`,
    );
    for (const row of rows) seen.push(row);
    if (rows.length < SEEN_EXPORT_CHUNK) return seen;
    after = rows.at(-1)!.paperId;
  }
}

/**
 * Deletes the user, their sessions, linked accounts, votes (lowering each paper's and comment's count), reports,
 * read state (seen and hidden papers: the foreign keys cascade) and digest subscription. Their
 * comments become tombstones ("[deleted]"), so threads still read; papers they submitted stay,
 * without a submitter.
 */
export async function deleteUserAccount(db: Db, userId: string): Promise<{ removedUpvotes: number }> {
  return db.$transaction(async (tx) => {
    // Locking the user row first makes a concurrent vote (whose foreign-key check needs a share
    // lock on it) wait and then fail, instead of adding a row the cascade would drop uncounted.
    // Raw: Prisma cannot lock a row.
    const locked = await queryRows(
      tx,
      z.object({ locked: z.number() }),
      Prisma.sql`SELECT 1 AS locked FROM "User" WHERE "id" = ${userId} FOR UPDATE`,
    );
    if (locked.length === 0) return { removedUpvotes: 0 };
    // Raw: the votes and the counts they moved go in one statement, as when they were cast.
    const [removed] = await queryRows(
      tx,
      z.object({ removed: z.number() }),
      Prisma.sql`
        WITH deleted AS (
          DELETE FROM "Upvote" WHERE "userId" = ${userId} RETURNING "paperId"
        ), lowered AS (
          UPDATE "Paper" SET "localUpvotes" = "Paper"."localUpvotes" - per_paper.votes
          FROM (SELECT "paperId", count(*)::int AS votes FROM deleted GROUP BY "paperId") AS per_paper
          WHERE "Paper"."id" = per_paper."paperId"
          RETURNING per_paper.votes
        )
        SELECT coalesce(sum(votes), 0)::int AS removed FROM lowered`,
    );
    // Raw: likewise for comment votes, so each comment's count stays equal to its rows.
    await tx.$executeRaw`
      WITH deleted AS (
        DELETE FROM "CommentVote" WHERE "userId" = ${userId} RETURNING "commentId"
      )
      UPDATE "Comment" SET "upvotes" = "Comment"."upvotes" - per_comment.votes
      FROM (SELECT "commentId", count(*)::int AS votes FROM deleted GROUP BY "commentId") AS per_comment
      WHERE "Comment"."id" = per_comment."commentId"`;
    // Raw: every live comment becomes a tombstone and each paper's count drops with it, in one statement.
    await tx.$executeRaw`
      WITH emptied AS (
        UPDATE "Comment" SET "body" = '', "deletedAt" = now()
        WHERE "userId" = ${userId} AND "deletedAt" IS NULL
        RETURNING "paperId", "hiddenAt"
      )
      UPDATE "Paper" SET "localComments" = "Paper"."localComments" - per_paper.live
      FROM (SELECT "paperId", count(*)::int AS live FROM emptied WHERE "hiddenAt" IS NULL GROUP BY "paperId") AS per_paper
      WHERE "Paper"."id" = per_paper."paperId"`;
    await tx.subscriber.deleteMany({ where: { userId } });
    await tx.user.delete({ where: { id: userId } });
    return { removedUpvotes: removed?.removed ?? 0 };
  });
}
