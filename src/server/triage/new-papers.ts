import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { isArxivId } from "@/lib/arxiv-id";
import { queryRows, type Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";
import { PAGE_SIZE } from "@/server/papers/list-pages";

/** /papers/new counts the papers still to come up to this many, then says "1,000+". */
export const NEW_PAPERS_COUNT_CAP = 1_000;
/** /papers/new goes back at most this many days, however long the reader was away. */
export const NEW_PAPERS_MAX_DAYS = 30;

/** Where /papers/new starts: the previous visit, or NEW_PAPERS_MAX_DAYS ago when that is earlier. */
export function newPapersSince(previousVisitAt: Date, now: Date): { since: Date; clamped: boolean } {
  const earliest = new Date(now.getTime() - NEW_PAPERS_MAX_DAYS * 86_400_000);
  return previousVisitAt < earliest ? { since: earliest, clamped: true } : { since: previousVisitAt, clamped: false };
}

/**
 * A position in "new since your last visit": after the paper added at `createdAt` with id `id`,
 * `offset` papers into the list (only for "Showing 51–100").
 */
export interface NewPapersCursor {
  createdAt: Date;
  id: string;
  offset: number;
}

// `<offset>.<createdAt in ms>.<id>`; an old-style id has a slash, which the page's link escapes.
export const newPapersCursorSchema = z
  .string()
  .regex(/^\d{1,7}\.\d{1,15}\.\S{1,40}$/, "is not a page position from this site")
  .transform((value, context) => {
    const [offset, time] = value.split(".", 2) as [string, string];
    const id = value.slice(offset.length + time.length + 2);
    if (!isArxivId(id)) {
      context.addIssue({ code: "custom", message: "is not a page position from this site" });
      return z.NEVER;
    }
    return { offset: Number(offset), createdAt: new Date(Number(time)), id } satisfies NewPapersCursor;
  });

export function formatNewPapersCursor(cursor: NewPapersCursor): string {
  return `${cursor.offset}.${cursor.createdAt.getTime()}.${cursor.id}`;
}

export interface NewPapersPage {
  papers: PaperDto[];
  /** Papers from this page's first on, up to NEW_PAPERS_COUNT_CAP (see `capped`). */
  remaining: number;
  /** There are more than `remaining` papers still to come. */
  capped: boolean;
  /** Position of the first paper of this page in the list (0-based). */
  offset: number;
  nextCursor: string | null;
}

const keyRow = z.object({ id: z.string(), createdAt: z.date() });
const countRow = z.object({ count: z.number() });

/**
 * The papers added to this instance (imported: `createdAt`) after `since`, oldest first, without
 * the ones the reader hid (or a moderator did), a page at a time. Paged by (createdAt, id) on the
 * index of that name rather than by a FeedSnapshot: the order never changes (a paper's import time
 * is fixed and papers imported later come after), so a keyset cursor pages without gaps or repeats
 * and nothing stores a list per reader, however long they were away.
 */
export async function getNewSinceLastVisit(
  db: Db,
  userId: string,
  { since, limit = PAGE_SIZE, cursor = null }: { since: Date; limit?: number; cursor?: NewPapersCursor | null },
): Promise<NewPapersPage> {
  const after = cursor && cursor.createdAt > since ? cursor : null;
  const position = after ? Prisma.sql`(p."createdAt", p."id") > (${after.createdAt}, ${after.id})` : Prisma.sql`p."createdAt" > ${since}`;
  // OFFSET 0 keeps the hidden-paper test a primary-key probe per paper read, in index order, until
  // the page is full. Turned into an anti-join, it may be planned as a hash join that reads every
  // paper since `since` first: that happened at 10,000 papers with statistics older than an import.
  const visible = Prisma.sql`p."hiddenAt" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "PaperHidden" h WHERE h."userId" = ${userId} AND h."paperId" = p."id" OFFSET 0)`;
  // Raw: a row comparison on the (createdAt, id) index for the keyset, and the reader's hidden
  // papers as a probe per paper; the count stops at the cap, so a reader away for months costs no more.
  const [keys, [counted]] = await Promise.all([
    queryRows(
      db,
      keyRow,
      Prisma.sql`
        SELECT p."id", p."createdAt" FROM "Paper" p
        WHERE ${position} AND p."createdAt" > ${since} AND ${visible}
        ORDER BY p."createdAt", p."id"
        LIMIT ${limit + 1}`,
    ),
    queryRows(
      db,
      countRow,
      Prisma.sql`
        SELECT count(*)::int AS "count" FROM (
          SELECT 1 FROM "Paper" p WHERE ${position} AND p."createdAt" > ${since} AND ${visible}
          LIMIT ${NEW_PAPERS_COUNT_CAP + 1}
        ) AS shown`,
    ),
  ]);
  const pageKeys = keys.slice(0, limit);
  const rows =
    pageKeys.length > 0 ? await db.paper.findMany({ where: { id: { in: pageKeys.map((key) => key.id) } }, select: paperSelect }) : [];
  const byId = new Map(rows.map((row) => [row.id, toPaperDto(row)]));
  const offset = after ? after.offset : 0;
  const last = pageKeys.at(-1);
  const count = counted?.count ?? 0;
  return {
    papers: pageKeys.flatMap((key) => byId.get(key.id) ?? []),
    remaining: Math.min(count, NEW_PAPERS_COUNT_CAP),
    capped: count > NEW_PAPERS_COUNT_CAP,
    offset,
    nextCursor:
      keys.length > limit && last
        ? formatNewPapersCursor({ createdAt: last.createdAt, id: last.id, offset: offset + pageKeys.length })
        : null,
  };
}
