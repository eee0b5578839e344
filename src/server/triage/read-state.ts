import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Density } from "@/lib/density";
import { AppError } from "@/lib/errors";
import { queryRows, type Db } from "@/server/db";

// A reader's read state: the papers they have seen (PaperSeen) and hidden (PaperHidden), and their
// visits. Every query here is bounded by the ids it is given or by the reader's own row: a reader's
// seen set reaches ~250k rows after a year, so nothing ever reads it whole but the account export.

/** The most ids one `markSeen` or `markUnseen` call takes: a few pages of cards. */
export const MARK_SEEN_MAX_IDS = 200;
/** The most ids `getReadState` answers for at once (a list page shows 50). */
export const READ_STATE_MAX_IDS = 500;
/** A feed view this long after the previous one starts a new visit. */
export const VISIT_GAP_MS = 30 * 60_000;

export interface ReadState {
  seen: Set<string>;
  hidden: Set<string>;
}

function distinct(paperIds: readonly string[], max: number, what: string): string[] {
  const ids = [...new Set(paperIds)];
  if (ids.length > max) throw new AppError("BAD_REQUEST", `At most ${max} papers can be ${what} at once.`);
  return ids;
}

const stateRow = z.object({ kind: z.enum(["seen", "hidden"]), paperId: z.string() });

/** Which of these papers the reader has seen and hidden: two primary-key probes per id, in one round trip. */
export async function getReadState(db: Db, userId: string, paperIds: readonly string[]): Promise<ReadState> {
  const ids = distinct(paperIds, READ_STATE_MAX_IDS, "looked up");
  const state: ReadState = { seen: new Set(), hidden: new Set() };
  if (ids.length === 0) return state;
  // Raw: both sets in one round trip (Prisma would need a query per table).
  const rows = await queryRows(
    db,
    stateRow,
    Prisma.sql`
      SELECT 'seen' AS "kind", s."paperId" FROM "PaperSeen" s WHERE s."userId" = ${userId} AND s."paperId" = ANY(${ids}::text[])
      UNION ALL
      SELECT 'hidden', h."paperId" FROM "PaperHidden" h WHERE h."userId" = ${userId} AND h."paperId" = ANY(${ids}::text[])`,
  );
  for (const row of rows) state[row.kind].add(row.paperId);
  return state;
}

const countRow = z.object({ count: z.number() });

/**
 * Marks papers seen (idempotent: a paper seen before keeps its first time). Ids of papers that are
 * not here are skipped. At most MARK_SEEN_MAX_IDS a call. Returns how many were newly marked.
 */
export async function markSeen(db: Db, userId: string, paperIds: readonly string[], now: Date = new Date()): Promise<number> {
  const ids = distinct(paperIds, MARK_SEEN_MAX_IDS, "marked read");
  if (ids.length === 0) return 0;
  // Raw: INSERT … SELECT … ON CONFLICT DO NOTHING, so a repeat (two tabs, a retried batch) waits on
  // the primary key and does nothing, and an unknown id is skipped instead of failing the batch.
  const [row] = await queryRows(
    db,
    countRow,
    Prisma.sql`
      WITH inserted AS (
        INSERT INTO "PaperSeen" ("userId", "paperId", "seenAt")
        SELECT ${userId}, p."id", ${now} FROM "Paper" p WHERE p."id" = ANY(${ids}::text[])
        ON CONFLICT DO NOTHING
        RETURNING 1
      )
      SELECT count(*)::int AS "count" FROM inserted`,
  );
  return row?.count ?? 0;
}

/** Marks papers unread again (idempotent). At most MARK_SEEN_MAX_IDS a call. */
export async function markUnseen(db: Db, userId: string, paperIds: readonly string[]): Promise<number> {
  const ids = distinct(paperIds, MARK_SEEN_MAX_IDS, "marked unread");
  if (ids.length === 0) return 0;
  const { count } = await db.paperSeen.deleteMany({ where: { userId, paperId: { in: ids } } });
  return count;
}

/**
 * Hides a paper from every list the reader sees ("not interested"; idempotent). With
 * `lessLikeThis` (for-you's "Less like this") it also counts as a strong no for the reader's model,
 * also for a paper already hidden. 404 for a paper that is not here.
 */
export async function hidePaper(
  db: Db,
  userId: string,
  paperId: string,
  now: Date = new Date(),
  { lessLikeThis = false }: { lessLikeThis?: boolean } = {},
): Promise<void> {
  // Raw: insert only if the paper exists, and leave an existing row (or mark it), in one statement.
  const [row] = await queryRows(
    db,
    z.object({ found: z.boolean() }),
    Prisma.sql`
      WITH paper AS (SELECT p."id" FROM "Paper" p WHERE p."id" = ${paperId}),
      inserted AS (
        INSERT INTO "PaperHidden" ("userId", "paperId", "hiddenAt", "lessLikeThis") SELECT ${userId}, "id", ${now}, ${lessLikeThis} FROM paper
        ON CONFLICT ("userId", "paperId") DO UPDATE SET "lessLikeThis" = true, "hiddenAt" = excluded."hiddenAt"
        WHERE excluded."lessLikeThis" AND NOT "PaperHidden"."lessLikeThis"
      )
      SELECT EXISTS (SELECT 1 FROM paper) AS "found"`,
  );
  if (!row?.found) throw new AppError("NOT_FOUND", `There is no paper ${paperId} here.`);
}

/** Shows a hidden paper again (idempotent). */
export async function unhidePaper(db: Db, userId: string, paperId: string): Promise<void> {
  await db.paperHidden.deleteMany({ where: { userId, paperId } });
}

export interface Visit {
  /** When the reader last looked before this visit (null: this is their first). */
  previousVisitAt: Date | null;
  /** Their "Hide read" setting, read from the same row. */
  hideRead: boolean;
}

const visitRow = z.object({ previousVisitAt: z.date().nullable(), hideRead: z.boolean() });

/**
 * Records a view of the main feed at `now`. A view VISIT_GAP_MS or more after the reader's last one
 * starts a new visit: the last view becomes `previousVisitAt` ("new since your last visit" is what
 * was imported after it). Within a visit only `lastVisitAt` moves, so the marker stays put while
 * the reader pages through. Null for an account that is gone.
 *
 * Raw: one UPDATE computes both columns from the row as it is when the statement gets its lock, so
 * concurrent views (two tabs, a prefetch) serialize on the row: the first after a gap starts the
 * visit, the others see its `lastVisitAt` and keep its `previousVisitAt`; all return the same one.
 */
export async function recordVisit(db: Db, userId: string, now: Date = new Date()): Promise<Visit | null> {
  const [row] = await queryRows(
    db,
    visitRow,
    Prisma.sql`
      UPDATE "User" SET
        "previousVisitAt" = CASE
          WHEN "lastVisitAt" IS NULL OR "lastVisitAt" <= ${new Date(now.getTime() - VISIT_GAP_MS)} THEN "lastVisitAt"
          ELSE "previousVisitAt" END,
        "lastVisitAt" = GREATEST("lastVisitAt", ${now})
      WHERE "id" = ${userId}
      RETURNING "previousVisitAt", "hideRead"`,
  );
  return row ?? null;
}

/** The reader's visit and setting as stored, without recording a view (pages that are not the main feed). */
export async function getVisit(db: Db, userId: string): Promise<Visit | null> {
  return db.user.findUnique({ where: { id: userId }, select: { previousVisitAt: true, hideRead: true } });
}

/** Switches "Hide read" for the reader. */
export async function setHideRead(db: Db, userId: string, hideRead: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { hideRead } });
}

/** Keeps the reader's list density on their account. */
export async function setDensity(db: Db, userId: string, density: Density): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { density } });
}
