import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { COMMENT_GRAVITY } from "@/lib/comment-ranking";
import { commentBodySchema, type CommentOrder } from "@/lib/comments";
import { AppError } from "@/lib/errors";
import { commenterName } from "@/server/accounts/commenter-name";
import { queryRows, type Db } from "@/server/db";
import { parseOrThrow } from "@/server/http/errors";
import { enforceRateLimit, type RateLimitRule } from "@/server/http/rate-limit";

/** Per user, shared by every app instance: a burst, and a day's worth. */
export const COMMENT_RATE_LIMITS: { key: string; rule: RateLimitRule; per: string }[] = [
  { key: "comment-minute", rule: { limit: 5, windowMs: 60_000 }, per: "a minute" },
  { key: "comment-day", rule: { limit: 100, windowMs: 86_400_000 }, per: "a day" },
];

export const THREADS_PER_PAGE = 20;
const REPLIES_PER_THREAD = 100;

export interface CommentDto {
  id: string;
  /** The author's handle, or a generated name until they pick one; never an address. */
  author: string;
  /** Set when `author` is a handle, for the link to /users/<handle>. */
  authorHandle: string | null;
  /** Whether the viewer wrote it (may edit and delete it). */
  mine: boolean;
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** Hidden by a moderator: shown as a tombstone, like a deleted comment. */
  hidden: boolean;
  /** Readers' upvotes (comment-votes.ts keeps it equal to its CommentVote rows). */
  upvotes: number;
  /** Whether the viewer upvoted it. */
  upvoted: boolean;
  /** Its writer is a verified author of the paper (a moderator approved their claim): the "Author" badge. */
  paperAuthor: boolean;
}

export interface CommentThreadDto extends CommentDto {
  replies: CommentDto[];
}

export interface CommentPage {
  threads: CommentThreadDto[];
  page: number;
  hasMore: boolean;
  /** Live comments on the paper, replies included. */
  total: number;
}

interface CommentRow {
  id: string;
  userId: string | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  upvotes: number;
  user: { handle: string | null } | null;
}

/** What a page of comments shows about its viewer and its writers, looked up once for the whole page. */
interface CommentMarks {
  /** The comments the viewer upvoted. */
  upvoted: ReadonlySet<string>;
  /** The writers who are verified authors of the paper. */
  paperAuthors: ReadonlySet<string>;
}

function toDto(row: CommentRow, viewerId: string | null, marks: CommentMarks): CommentDto {
  const deleted = row.deletedAt !== null;
  const hidden = !deleted && row.hiddenAt !== null;
  const live = !deleted && !hidden;
  return {
    id: row.id,
    author: deleted || hidden ? "[deleted]" : (row.user?.handle ?? commenterName(row.userId)),
    authorHandle: deleted || hidden ? null : (row.user?.handle ?? null),
    mine: !deleted && !hidden && viewerId !== null && row.userId === viewerId,
    body: deleted || hidden ? "" : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted,
    hidden,
    upvotes: row.upvotes,
    upvoted: marks.upvoted.has(row.id),
    paperAuthor: live && row.userId !== null && marks.paperAuthors.has(row.userId),
  };
}

const ROW = {
  id: true,
  userId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  upvotes: true,
  user: { select: { handle: true } },
} as const;

const THREAD = {
  ...ROW,
  replies: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: REPLIES_PER_THREAD, select: ROW },
} satisfies Prisma.CommentSelect;

/**
 * The SQL twin of rankCommentsBest (src/lib/comment-ranking.ts): the same score, highest first, then
 * the id in code-unit order whatever the database's collation. Timestamps are stored as UTC
 * without a zone, so the clock is turned into one too; float8, as JavaScript computes it.
 */
function bestOrderSql(now: Date): Prisma.Sql {
  const clock = Prisma.sql`(${now}::timestamptz AT TIME ZONE 'UTC')`;
  const ageHours = Prisma.sql`greatest(0, extract(epoch FROM (${clock} - "createdAt"))::float8 / 3600)`;
  return Prisma.sql`("upvotes" + 1) / power(${ageHours} + 2, ${COMMENT_GRAVITY}::float8) DESC, "id" COLLATE "C"`;
}

const idRow = z.object({ id: z.string() });

/** A page of a paper's threads (one more than a page, to tell whether another follows), with their replies. */
async function threadPage(db: Db, paperId: string, order: CommentOrder, page: number, now: Date) {
  const skip = page * THREADS_PER_PAGE;
  const take = THREADS_PER_PAGE + 1;
  if (order !== "best") {
    return db.comment.findMany({
      where: { paperId, threadId: null },
      orderBy: [{ createdAt: order === "newest" ? "desc" : "asc" }, { id: "asc" }],
      skip,
      take,
      select: THREAD,
    });
  }
  // Raw: Prisma cannot order by an expression. The score moves with the clock, so no index holds
  // this order: PostgreSQL reads the paper's comments through Comment(paperId, createdAt), keeps the
  // threads, scores them and keeps the page's top (a top-N heapsort). A paper has at most a few
  // thousand threads: 3,000 with 6,000 replies cost ~4 ms of execution, 190 cached pages. The
  // page's threads and their replies are then read by id, as the other orders read them.
  const ids = await queryRows(
    db,
    idRow,
    Prisma.sql`
      SELECT "id" FROM "Comment" WHERE "paperId" = ${paperId} AND "threadId" IS NULL
      ORDER BY ${bestOrderSql(now)} OFFSET ${skip} LIMIT ${take}`,
  );
  if (ids.length === 0) return [];
  const threads = new Map(
    (await db.comment.findMany({ where: { id: { in: ids.map(({ id }) => id) } }, select: THREAD })).map((thread) => [thread.id, thread]),
  );
  return ids.flatMap(({ id }) => threads.get(id) ?? []);
}

/** Which of these comments the viewer upvoted and which writers are verified authors of the paper: one query each. */
async function commentMarks(db: Db, paperId: string, comments: CommentRow[], viewerId: string | null): Promise<CommentMarks> {
  const live = comments.filter((comment) => comment.deletedAt === null && comment.hiddenAt === null);
  const writers = [...new Set(live.flatMap((comment) => (comment.userId ? [comment.userId] : [])))];
  const [votes, authors] = await Promise.all([
    viewerId && live.length > 0
      ? db.commentVote.findMany({
          where: { userId: viewerId, commentId: { in: live.map((comment) => comment.id) } },
          select: { commentId: true },
        })
      : [],
    writers.length > 0 ? approvedAuthors(db, paperId, writers) : [],
  ]);
  return { upvoted: new Set(votes.map((vote) => vote.commentId)), paperAuthors: new Set(authors) };
}

/** Those of `userIds` a moderator approved as one of the paper's authors (a banned account loses the badge). */
async function approvedAuthors(db: Pick<Db, "authorClaim">, paperId: string, userIds: string[]): Promise<string[]> {
  const claims = await db.authorClaim.findMany({
    where: { paperId, status: "APPROVED", userId: { in: userIds }, user: { bannedAt: null } },
    select: { userId: true },
    distinct: ["userId"],
  });
  return claims.map((claim) => claim.userId);
}

/** The marks of a comment its writer just posted or edited: no vote of their own, perhaps the badge. */
async function writerMarks(db: Pick<Db, "authorClaim">, paperId: string, userId: string): Promise<CommentMarks> {
  return { upvoted: new Set(), paperAuthors: new Set(await approvedAuthors(db, paperId, [userId])) };
}

/** A paper's threads, a page at a time, each with its replies oldest first. */
export async function listPaperComments(
  db: Db,
  paperId: string,
  options: {
    order?: CommentOrder;
    page?: number;
    viewerId?: string | null;
    /** The paper's `localComments`, when the caller has read the paper already. */
    total?: number;
    /** The clock the best order ages threads by. */
    now?: Date;
  } = {},
): Promise<CommentPage> {
  const { order = "best", page = 0, viewerId = null, now = new Date() } = options;
  const total =
    options.total ?? (await db.paper.findUnique({ where: { id: paperId }, select: { localComments: true } }))?.localComments ?? 0;
  // Without a live comment there are only tombstones, nothing worth showing: most papers have no
  // discussion, and the query below costs four statements even when it finds nothing.
  if (total === 0) return { threads: [], page, hasMore: false, total };
  const threads = await threadPage(db, paperId, order, page, now);
  const shown = threads
    .slice(0, THREADS_PER_PAGE)
    // A deleted thread whose replies are all gone says nothing worth keeping on screen.
    .filter((thread) => (thread.deletedAt === null && thread.hiddenAt === null) || thread.replies.length > 0);
  const marks = await commentMarks(
    db,
    paperId,
    shown.flatMap((thread) => [thread, ...thread.replies]),
    viewerId,
  );
  return {
    threads: shown.map((thread) => ({
      ...toDto(thread, viewerId, marks),
      replies: thread.replies.map((reply) => toDto(reply, viewerId, marks)),
    })),
    page,
    hasMore: threads.length > THREADS_PER_PAGE,
    total,
  };
}

export interface PostCommentInput {
  paperId: string;
  /** The comment being answered: its thread gets the reply (one level deep, like Hugging Face). */
  replyTo?: string | null;
  body: string;
}

export async function postComment(db: Db, userId: string, input: PostCommentInput, now = new Date()): Promise<CommentDto> {
  const body = parseOrThrow(commentBodySchema, input.body);
  for (const { key, rule, per } of COMMENT_RATE_LIMITS) {
    await enforceRateLimit(
      db,
      `${key}:${userId}`,
      rule,
      (wait) => `You can post ${rule.limit} comments ${per}. Try again in ${wait}.`,
      now,
    );
  }
  return db.$transaction(async (tx) => {
    const paper = await tx.paper.findFirst({ where: { id: input.paperId, hiddenAt: null }, select: { id: true } });
    if (!paper) throw new AppError("NOT_FOUND", `There is no paper ${input.paperId} here.`);
    let threadId: string | null = null;
    if (input.replyTo) {
      const parent = await tx.comment.findUnique({ where: { id: input.replyTo }, select: { id: true, threadId: true, paperId: true } });
      if (!parent || parent.paperId !== paper.id) throw new AppError("NOT_FOUND", "The comment you are replying to is gone.");
      threadId = parent.threadId ?? parent.id;
    }
    const row = await tx.comment.create({ data: { paperId: paper.id, userId, threadId, body, createdAt: now }, select: ROW });
    await tx.paper.update({ where: { id: paper.id }, data: { localComments: { increment: 1 } } });
    return toDto(row, userId, await writerMarks(tx, paper.id, userId));
  });
}

async function ownLiveComment(db: Pick<Db, "comment">, userId: string, commentId: string) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, userId: true, paperId: true, deletedAt: true, hiddenAt: true },
  });
  if (!comment || comment.deletedAt || comment.hiddenAt) throw new AppError("NOT_FOUND", "That comment is gone.");
  if (comment.userId !== userId) throw new AppError("FORBIDDEN", "You can only change your own comments.");
  return comment;
}

export async function editComment(db: Db, userId: string, commentId: string, rawBody: string, now = new Date()): Promise<CommentDto> {
  const body = parseOrThrow(commentBodySchema, rawBody);
  const { paperId } = await ownLiveComment(db, userId, commentId);
  const row = await db.comment.update({ where: { id: commentId }, data: { body, editedAt: now }, select: ROW });
  return toDto(row, userId, await writerMarks(db, paperId, userId));
}

/** Leaves a tombstone ("[deleted]") so the thread around it still reads. */
export async function deleteComment(db: Db, userId: string, commentId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const comment = await ownLiveComment(tx, userId, commentId);
    const { count } = await tx.comment.updateMany({ where: { id: commentId, deletedAt: null }, data: { body: "", deletedAt: now } });
    if (count === 1) await tx.paper.update({ where: { id: comment.paperId }, data: { localComments: { decrement: 1 } } });
  });
}
