import "server-only";
import { commentBodySchema, type CommentOrder } from "@/lib/comments";
import { AppError } from "@/lib/errors";
import { commenterName } from "@/server/accounts/commenter-name";
import type { Db } from "@/server/db";
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
  user: { handle: string | null } | null;
}

function toDto(row: CommentRow, viewerId: string | null): CommentDto {
  const deleted = row.deletedAt !== null;
  const hidden = !deleted && row.hiddenAt !== null;
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
  user: { select: { handle: true } },
} as const;

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
  } = {},
): Promise<CommentPage> {
  const { order = "newest", page = 0, viewerId = null } = options;
  const total =
    options.total ?? (await db.paper.findUnique({ where: { id: paperId }, select: { localComments: true } }))?.localComments ?? 0;
  // Without a live comment there are only tombstones, nothing worth showing: most papers have no
  // discussion, and the query below costs four statements even when it finds nothing.
  if (total === 0) return { threads: [], page, hasMore: false, total };
  const threads = await db.comment.findMany({
    where: { paperId, threadId: null },
    orderBy: [{ createdAt: order === "newest" ? "desc" : "asc" }, { id: "asc" }],
    skip: page * THREADS_PER_PAGE,
    take: THREADS_PER_PAGE + 1,
    select: { ...ROW, replies: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: REPLIES_PER_THREAD, select: ROW } },
  });
  return {
    threads: threads
      .slice(0, THREADS_PER_PAGE)
      // A deleted thread whose replies are all gone says nothing worth keeping on screen.
      .filter((thread) => (thread.deletedAt === null && thread.hiddenAt === null) || thread.replies.length > 0)
      .map((thread) => ({ ...toDto(thread, viewerId), replies: thread.replies.map((reply) => toDto(reply, viewerId)) })),
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
    return toDto(row, userId);
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
  await ownLiveComment(db, userId, commentId);
  const row = await db.comment.update({ where: { id: commentId }, data: { body, editedAt: now }, select: ROW });
  return toDto(row, userId);
}

/** Leaves a tombstone ("[deleted]") so the thread around it still reads. */
export async function deleteComment(db: Db, userId: string, commentId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const comment = await ownLiveComment(tx, userId, commentId);
    const { count } = await tx.comment.updateMany({ where: { id: commentId, deletedAt: null }, data: { body: "", deletedAt: now } });
    if (count === 1) await tx.paper.update({ where: { id: comment.paperId }, data: { localComments: { decrement: 1 } } });
  });
}
