import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { collapseWhitespace, shorten } from "@/lib/text";
import { commenterName } from "@/server/accounts/commenter-name";
import { queryRows, type Db } from "@/server/db";

/** Papers a page of /discussions lists. */
export const THREADS_PER_PAGE = 30;
// The newest comments are read from the Comment(createdAt DESC) index CHUNK rows at a time, and
// at most MAX_ROWS_READ rows for one page. A page therefore costs one statement when its 30
// papers' latest comments are among the newest 200 (the common case), and never more than 10
// statements of 200 index rows (each with its paper's primary-key lookup and, after the first
// page, one probe of the paper's (paperId, createdAt) comment index), plus one read of the 30
// comments shown: however many comments one busy paper collects, a page never reads more than
// 2,000. When the cap is reached first the page shows what it found, and "Older" goes on from the
// last comment read.
const CHUNK = 200;
const MAX_ROWS_READ = 2_000;
const EXCERPT_CHARACTERS = 240;

/** A place in the newest-first order of comments: a comment's time and, for equal times, its id. */
export interface CommentPosition {
  at: Date;
  id: string;
}

/** The `before` of /discussions: `<milliseconds since 1970>.<comment id>`. */
export const threadsCursorSchema = z
  .string()
  .regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/, "is not a position in the discussions")
  .transform((value): CommentPosition => {
    const dot = value.indexOf(".");
    return { at: new Date(Number(value.slice(0, dot))), id: value.slice(dot + 1) };
  });

export function threadsCursor(position: CommentPosition): string {
  return `${position.at.getTime()}.${position.id}`;
}

export interface ActiveThread {
  paper: {
    id: string;
    title: string;
    /** Live comments here (the paper page's "Discussion (n)"). */
    comments: number;
  };
  /** The paper's latest live comment. */
  latest: {
    id: string;
    /** As comments show it: the handle, or the generated name until one is picked; never an address. */
    author: string;
    authorHandle: string | null;
    /** The Markdown as plain text on one line, shortened. */
    excerpt: string;
    createdAt: string;
  };
}

export interface ActiveThreadsPage {
  threads: ActiveThread[];
  /** The next page's `before`, or null on the last page. */
  next: string | null;
}

const scannedRow = z.object({
  id: z.string(),
  paperId: z.string(),
  createdAt: z.date(),
  live: z.boolean(),
  shownEarlier: z.boolean(),
});
type ScannedRow = z.infer<typeof scannedRow>;

/** `c` comes after `position` in the newest-first order (the index answers `createdAt <=`). */
function olderThan(position: CommentPosition): Prisma.Sql {
  return Prisma.sql`c."createdAt" <= ${position.at} AND (c."createdAt" < ${position.at} OR c.id < ${position.id})`;
}

/**
 * The next `limit` comments after `position`, newest first, each saying whether it is live (not
 * deleted or hidden, on a paper that is not hidden) and whether its paper has a live comment at or
 * before `pageStart`, i.e. was listed on an earlier page. Raw: liveness needs the paper's row, and
 * it is computed per row instead of filtered in WHERE so that `limit` bounds the rows read; the
 * earlier-page test is a LATERAL … LIMIT 1, one probe of the paper's (paperId, createdAt) index per
 * live row, which the planner cannot turn into a read of every comment newer than `pageStart`.
 */
async function readComments(db: Db, position: CommentPosition | null, pageStart: CommentPosition | null, limit: number) {
  const earlier = pageStart
    ? Prisma.sql`LEFT JOIN LATERAL (
        SELECT n.id FROM "Comment" n
        WHERE l.live AND n."paperId" = c."paperId" AND n."deletedAt" IS NULL AND n."hiddenAt" IS NULL
          AND n."createdAt" >= ${pageStart.at} AND (n."createdAt" > ${pageStart.at} OR n.id >= ${pageStart.id})
        LIMIT 1
      ) earlier ON true`
    : Prisma.empty;
  return queryRows(
    db,
    scannedRow,
    Prisma.sql`
      SELECT c.id, c."paperId", c."createdAt", l.live, ${pageStart ? Prisma.sql`earlier.id IS NOT NULL` : Prisma.sql`false`} AS "shownEarlier"
      FROM "Comment" c
      JOIN "Paper" p ON p.id = c."paperId"
      CROSS JOIN LATERAL (SELECT c."deletedAt" IS NULL AND c."hiddenAt" IS NULL AND p."hiddenAt" IS NULL AS live) l
      ${earlier}
      WHERE ${position ? olderThan(position) : Prisma.sql`TRUE`}
      ORDER BY c."createdAt" DESC, c.id DESC
      LIMIT ${limit}`,
  );
}

/**
 * Where discussion is happening: papers by their latest live comment, newest first, a page at a
 * time from `before` (a position from the previous page). Hidden papers, and hidden or deleted
 * comments, are left out: a paper whose latest comment was hidden is listed by the one before it.
 */
export async function listActiveThreads(db: Db, before: CommentPosition | null = null): Promise<ActiveThreadsPage> {
  const kept: ScannedRow[] = [];
  const papers = new Set<string>();
  let position = before;
  let read = 0;
  let next: CommentPosition | null = null;
  // One more paper than a page holds tells whether another page follows.
  scan: for (;;) {
    const limit = Math.min(CHUNK, MAX_ROWS_READ - read);
    const rows = await readComments(db, position, before, limit);
    read += rows.length;
    for (const row of rows) {
      position = { at: row.createdAt, id: row.id };
      if (!row.live || row.shownEarlier || papers.has(row.paperId)) continue;
      papers.add(row.paperId);
      kept.push(row);
      if (kept.length > THREADS_PER_PAGE) {
        const last = kept[THREADS_PER_PAGE - 1]!;
        next = { at: last.createdAt, id: last.id };
        break scan;
      }
    }
    if (rows.length < limit) break;
    if (read >= MAX_ROWS_READ) {
      next = position;
      break;
    }
  }
  const shown = kept.slice(0, THREADS_PER_PAGE);
  // A page may find no paper and still not be the last: all 2,000 comments it read were older ones of listed papers.
  if (shown.length === 0) return { threads: [], next: next && threadsCursor(next) };
  const comments = await db.comment.findMany({
    where: { id: { in: shown.map((row) => row.id) } },
    select: {
      id: true,
      userId: true,
      body: true,
      createdAt: true,
      user: { select: { handle: true } },
      paper: { select: { id: true, title: true, localComments: true } },
    },
  });
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  return {
    threads: shown.flatMap((row): ActiveThread[] => {
      const comment = byId.get(row.id);
      if (!comment) return [];
      return [
        {
          paper: { id: comment.paper.id, title: collapseWhitespace(comment.paper.title), comments: comment.paper.localComments },
          latest: {
            id: comment.id,
            author: comment.user?.handle ?? commenterName(comment.userId),
            authorHandle: comment.user?.handle ?? null,
            excerpt: shorten(collapseWhitespace(comment.body), EXCERPT_CHARACTERS),
            createdAt: comment.createdAt.toISOString(),
          },
        },
      ];
    }),
    next: next && threadsCursor(next),
  };
}
