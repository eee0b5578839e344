import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { FeedSort } from "@/lib/feed-sort";
import { GRAVITY, trendingScore, type RankExplanation } from "@/lib/ranking";
import { queryRows, type Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";

export type RankedPaper = PaperDto & { rank: RankExplanation };

/** Cards per page: every list is shown a page at a time, whatever the number of papers. */
export const PAGE_SIZE = 50;
// A first page within this long of a previous one reuses its order (one snapshot per burst of views).
const SNAPSHOT_REUSE_MS = 60_000;
// A recent snapshot is not reused once the list has gained a paper: an import shows at once. A
// paper's createdAt is its import transaction's start, which may precede a snapshot taken while
// that transaction was still open, hence the margin.
const IMPORT_MARGIN_SECONDS = 10;
const SNAPSHOT_LIFETIME_MS = 86_400_000;

export interface ListPage {
  papers: RankedPaper[];
  /** Papers in the whole list. */
  total: number;
  /** Position of the first paper of this page in the list (0-based). */
  offset: number;
  /** Opaque position of the next page, or null on the last one. */
  nextCursor: string | null;
}

export interface PaperList {
  /** Names the list in snapshots, e.g. `date:2026-06-16`. */
  key: string;
  /** Which papers belong to it (a condition on "Paper" p). */
  where: Prisma.Sql;
}

/** `<snapshot id>.<offset>`: the frozen order and where the next page starts in it. */
export const listCursorSchema = z
  .string()
  .regex(/^\d{1,18}\.\d{1,7}$/, "is not a page position from this site")
  .transform((value) => {
    const [id, offset] = value.split(".");
    return { snapshotId: BigInt(id!), offset: Number(offset) };
  });

export type ListCursor = z.infer<typeof listCursorSchema>;

/** Where a page starts: a cursor from the previous page, or an offset into a fresh order (the API's `p`). */
export interface ListPosition {
  cursor?: ListCursor | null;
  offset?: number;
  limit?: number;
}

// The SQL twin of lib/ranking's order: score, then upvotes, then id. "discussed" puts the most
// commented first, by the count the card shows (Hugging Face's comments plus the live ones here,
// which leave hidden and deleted comments out), ties in trending order.
export function feedOrderSql(sort: FeedSort, now: Date): Prisma.Sql {
  const upvotes = Prisma.sql`(p."upstreamUpvotes" + p."localUpvotes")`;
  if (sort === "upvotes") return Prisma.sql`${upvotes} DESC, p."id"`;
  if (sort === "newest") return Prisma.sql`p."publishedAt" DESC, p."id"`;
  // Timestamps are stored as UTC without a zone, so the clock is turned into one too.
  const clock = Prisma.sql`(${now}::timestamptz AT TIME ZONE 'UTC')`;
  // float8, not extract's numeric: power() on numeric costs ~50 µs a paper, 0.7 s for a month's order.
  const ageHours = Prisma.sql`greatest(0, extract(epoch FROM (${clock} - coalesce(p."submittedAt", p."feedDate"::timestamp)))::float8 / 3600)`;
  const trending = Prisma.sql`(${upvotes} + 1) / power(${ageHours} + 2, ${GRAVITY}) DESC, ${upvotes} DESC, p."id"`;
  if (sort === "discussed") return Prisma.sql`(p."upstreamComments" + p."localComments") DESC, ${trending}`;
  return trending;
}

const snapshotRow = z.object({ id: z.bigint(), paperIds: z.array(z.string()) });

/**
 * The order to page through: the snapshot a cursor names, else a recent one of the same list,
 * else a new one. Raw: finding, creating (with the order computed in SQL) and pruning old
 * snapshots is one statement, so a first page costs one round trip for its order.
 */
async function snapshotFor(db: Db, list: PaperList, sort: FeedSort, now: Date, cursor: ListCursor | null) {
  const listKey = `${list.key}:${sort}`;
  if (cursor) {
    const named = await db.feedSnapshot.findUnique({
      where: { id: cursor.snapshotId },
      select: { id: true, listKey: true, paperIds: true },
    });
    if (named?.listKey === listKey) return named;
  }
  const wallClock = Date.now();
  const [snapshot] = await queryRows(
    db,
    snapshotRow,
    Prisma.sql`
      WITH recent AS (
        SELECT s."id", s."paperIds" FROM "FeedSnapshot" s
        WHERE s."listKey" = ${listKey} AND s."createdAt" > ${new Date(wallClock - SNAPSHOT_REUSE_MS)}
          AND NOT EXISTS (
            SELECT 1 FROM "Paper" p
            WHERE p."createdAt" > s."createdAt" - ${`${IMPORT_MARGIN_SECONDS} seconds`}::interval AND ${list.where}
          )
        ORDER BY s."createdAt" DESC LIMIT 1
      ), pruned AS (
        DELETE FROM "FeedSnapshot" WHERE "createdAt" < ${new Date(wallClock - SNAPSHOT_LIFETIME_MS)}
      ), created AS (
        INSERT INTO "FeedSnapshot" ("listKey", "paperIds", "createdAt")
        SELECT ${listKey}, coalesce(array_agg(p."id" ORDER BY ${feedOrderSql(sort, now)}), '{}'), ${new Date(wallClock)}
        FROM "Paper" p WHERE p."hiddenAt" IS NULL AND ${list.where}
        HAVING NOT EXISTS (SELECT 1 FROM recent)
        RETURNING "id", "paperIds"
      )
      SELECT "id", "paperIds" FROM recent UNION ALL SELECT "id", "paperIds" FROM created`,
  );
  return snapshot!;
}

/**
 * One page of a list in the given order. The order is frozen in a snapshot when the list is first
 * shown, so following `nextCursor` never skips or repeats a paper however votes move them; the
 * counts and "Why here?" numbers on each card are current.
 */
export async function getListPage(db: Db, list: PaperList, sort: FeedSort, now: Date, position: ListPosition = {}): Promise<ListPage> {
  const limit = position.limit ?? PAGE_SIZE;
  const snapshot = await snapshotFor(db, list, sort, now, position.cursor ?? null);
  const cursorMatches = position.cursor && position.cursor.snapshotId === snapshot.id;
  const offset = Math.min(cursorMatches ? position.cursor!.offset : (position.offset ?? 0), snapshot.paperIds.length);
  const ids = snapshot.paperIds.slice(offset, offset + limit);
  const rows = ids.length > 0 ? await db.paper.findMany({ where: { id: { in: ids }, hiddenAt: null }, select: paperSelect }) : [];
  const byId = new Map(rows.map((row) => [row.id, toPaperDto(row)]));
  const papers = ids.flatMap((id) => {
    const paper = byId.get(id);
    return paper ? [{ ...paper, rank: trendingScore({ upvotes: paper.upvotes, addedAt: new Date(paper.addedAt) }, now) }] : [];
  });
  const end = offset + ids.length;
  return {
    papers,
    total: snapshot.paperIds.length,
    offset,
    nextCursor: end < snapshot.paperIds.length ? `${snapshot.id}.${end}` : null,
  };
}

/** The `cursor` query parameter if it is one of ours; anything else starts the list from the top. */
export function cursorParam(value: string | undefined): string | null {
  return value !== undefined && listCursorSchema.safeParse(value).success ? value : null;
}

/** A link to a list page: `path` with the given query parameters, empty ones left out. */
export function listHref(path: string, query: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return search.size > 0 ? `${path}?${search}` : path;
}
