import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { collapseWhitespace } from "@/lib/text";
import { commenterName } from "@/server/accounts/commenter-name";
import { queryRows, type Db } from "@/server/db";

/** Comments the discussions feed holds. */
export const FEED_COMMENTS = 50;
// Of the newest comments at most this many are read, live or not: the feed costs one statement of
// at most 500 Comment(createdAt DESC) index rows, each with its paper's and author's primary-key
// lookups, whatever moderators hid. A burst of more than 450 hidden or deleted comments shortens it.
const MAX_ROWS_READ = 500;

export interface RecentComment {
  id: string;
  paperId: string;
  paperTitle: string;
  /** As comments show it: the handle, or the generated name until one is picked; never an address. */
  author: string;
  authorHandle: string | null;
  /** The Markdown as written. */
  body: string;
  createdAt: Date;
}

const commentRow = z.object({
  id: z.string(),
  paperId: z.string(),
  paperTitle: z.string(),
  userId: z.string().nullable(),
  handle: z.string().nullable(),
  body: z.string(),
  createdAt: z.date(),
});

/**
 * The newest live comments site-wide (not deleted or hidden, on papers that are not hidden).
 * Raw: the cap on rows read is a LIMIT under the liveness filter, which Prisma cannot nest.
 */
export async function listRecentComments(db: Db, limit = FEED_COMMENTS): Promise<RecentComment[]> {
  const rows = await queryRows(
    db,
    commentRow,
    Prisma.sql`
      SELECT c.id, c."paperId", p.title AS "paperTitle", c."userId", u.handle, c.body, c."createdAt"
      FROM (
        SELECT id, "paperId", "userId", body, "createdAt", "deletedAt", "hiddenAt" FROM "Comment"
        ORDER BY "createdAt" DESC, id DESC LIMIT ${MAX_ROWS_READ}
      ) c
      JOIN "Paper" p ON p.id = c."paperId"
      LEFT JOIN "User" u ON u.id = c."userId"
      WHERE c."deletedAt" IS NULL AND c."hiddenAt" IS NULL AND p."hiddenAt" IS NULL
      ORDER BY c."createdAt" DESC, c.id DESC
      LIMIT ${limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    paperId: row.paperId,
    paperTitle: collapseWhitespace(row.paperTitle),
    author: row.handle ?? commenterName(row.userId),
    authorHandle: row.handle,
    body: row.body,
    createdAt: row.createdAt,
  }));
}
