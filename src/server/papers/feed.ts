import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { addDays, toIsoDate } from "@/lib/dates";
import type { FeedSort } from "@/lib/feed-sort";
import type { ListFilter } from "@/lib/list-filter";
import { periodContaining, type Period } from "@/lib/periods";
import { TRENDING_DAYS } from "@/lib/ranking";
import { queryRows, type Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";
import { selectionEdgeDay, selectionKey, selectionWhere, selectionWhereInBounds, type ListSelection } from "@/server/papers/list-condition";
import { getListPage, type ListPage, type ListPosition, type PaperList } from "@/server/papers/list-pages";

export type { RankedPaper } from "@/server/papers/list-pages";

export interface PeriodFeed extends ListPage {
  /** The nearest earlier/later periods of the same kind that have papers. */
  previous: Period | null;
  next: Period | null;
}

/** The papers added in a period (of one category or keyword, and filtered, when selected), as a list to page through. */
export function periodList(period: Period, selection: ListSelection = {}): PaperList {
  return {
    key: `${selectionKey(selection)}${period.kind}:${period.key}`,
    where: Prisma.sql`p."feedDate" >= ${period.start}::date AND p."feedDate" < ${period.end}::date AND ${selectionWhereInBounds(selection)}`,
  };
}

const neighbourDays = z.object({ before: z.date().nullable(), after: z.date().nullable() });

/** One page of a period's papers (see getListPage), with the nearest periods that have papers (in the selection). */
export async function getPeriodFeed(
  db: Db,
  period: Period,
  sort: FeedSort,
  now: Date,
  position: ListPosition = {},
  selection: ListSelection = {},
): Promise<PeriodFeed> {
  const [page, [bounds]] = await Promise.all([
    getListPage(db, periodList(period, selection), sort, now, position),
    // Raw: both neighbours in one round trip; Prisma's aggregate takes a single filter, so it
    // would need two (the page's query count is tested).
    queryRows(
      db,
      neighbourDays,
      Prisma.sql`
        SELECT ${selectionEdgeDay("max", Prisma.sql`p."feedDate" < ${period.start}::date`, selection)} AS "before",
               ${selectionEdgeDay("min", Prisma.sql`p."feedDate" >= ${period.end}::date`, selection)} AS "after"`,
    ),
  ]);
  return {
    ...page,
    previous: bounds?.before ? periodContaining(period.kind, toIsoDate(bounds.before)) : null,
    next: bounds?.after ? periodContaining(period.kind, toIsoDate(bounds.after)) : null,
  };
}

const latestDay = z.object({ day: z.date().nullable() });

/** The latest feed day that has papers (in the selection; up to `until` when given), or null when there is none. */
export async function getLatestFeedDate(db: Db, selection: ListSelection = {}, until?: string): Promise<string | null> {
  // Raw: a selection is an array test (selectionCondition) that Prisma's filters do not spell as
  // `@>`/`&&`, the operators the GIN indexes answer, read as selectionEdgeDay says.
  const bound = until ? Prisma.sql`p."feedDate" <= ${until}::date` : Prisma.sql`TRUE`;
  const [latest] = await queryRows(db, latestDay, Prisma.sql`SELECT ${selectionEdgeDay("max", bound, selection)} AS "day"`);
  return latest?.day ? toIsoDate(latest.day) : null;
}

export interface TrendingFeed extends ListPage {
  /** Last day of the window: today, or the latest feed day when nothing was added since. */
  windowEnd: string | null;
}

/**
 * Papers of the TRENDING_DAYS days up to today (of one category or keyword, and filtered, when selected), by
 * trending score, a page at a time. An instance whose imports stopped would otherwise show nothing,
 * so when those days have no papers the window ends at the latest feed day instead.
 */
export async function getTrendingPapers(
  db: Db,
  now: Date,
  position: ListPosition = {},
  selection: ListSelection = {},
): Promise<TrendingFeed> {
  const today = toIsoDate(now);
  const latest = await getLatestFeedDate(db, selection, today);
  if (!latest) return { papers: [], total: 0, offset: 0, nextCursor: null, windowEnd: null };
  const windowEnd = latest > addDays(today, -TRENDING_DAYS) ? today : latest;
  const list = {
    key: `${selectionKey(selection)}trending:${windowEnd}`,
    where: Prisma.sql`p."feedDate" > ${addDays(windowEnd, -TRENDING_DAYS)}::date AND p."feedDate" <= ${windowEnd}::date
      AND ${selectionWhereInBounds(selection)}`,
  };
  return { ...(await getListPage(db, list, "trending", now, position)), windowEnd };
}

const paperId = z.object({ id: z.string() });

/** Papers of the latest `days` feed days (that have papers in the selection), newest day first, most upvoted first within a day. */
export async function getRecentPapers(
  db: Db,
  { days = 3, limit = 100, ...selection }: { days?: number; limit?: number } & ListSelection = {},
): Promise<PaperDto[]> {
  // Raw: a loose index scan (one index probe per distinct day, see selectionEdgeDay) instead of
  // reading every row, and the selection's array test (see getLatestFeedDate).
  const ids = await queryRows(
    db,
    paperId,
    Prisma.sql`
      WITH RECURSIVE day AS (
        SELECT ${selectionEdgeDay("max", Prisma.sql`TRUE`, selection)} AS day, 1 AS n
        UNION ALL
        SELECT ${selectionEdgeDay("max", Prisma.sql`p."feedDate" < day.day`, selection)}, n + 1 FROM day WHERE n < ${days} AND day.day IS NOT NULL
      )
      SELECT p."id" FROM "Paper" p
      WHERE p."feedDate" = ANY(ARRAY(SELECT day FROM day)) AND p."hiddenAt" IS NULL AND ${selectionWhere(selection)}
      ORDER BY p."feedDate" DESC, p."upstreamUpvotes" DESC, p."id" LIMIT ${limit}`,
  );
  const rows = ids.length > 0 ? await db.paper.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: paperSelect }) : [];
  const byId = new Map(rows.map((row) => [row.id, toPaperDto(row)]));
  return ids.flatMap((row) => byId.get(row.id) ?? []);
}

export async function getPaperById(db: Db, id: string): Promise<PaperDto | null> {
  const row = await db.paper.findFirst({ where: { id, hiddenAt: null }, select: paperSelect });
  return row ? toPaperDto(row) : null;
}

export interface OrganizationPage extends ListPage {
  organization: { name: string; fullName: string; avatarUrl: string | null };
}

/** An organization's papers (filtered when asked), newest first by arXiv publication, a page at a time; null when unknown. */
export async function getOrganizationPapers(
  db: Db,
  name: string,
  position: ListPosition = {},
  filter: ListFilter | null = null,
): Promise<OrganizationPage | null> {
  const organization = await db.organization.findUnique({ where: { name }, select: { name: true, fullName: true, avatarUrl: true } });
  if (!organization) return null;
  const list = {
    key: `${selectionKey({ filter })}org:${name}`,
    where: Prisma.sql`p."organizationName" = ${name} AND ${selectionWhere({ filter })}`,
  };
  return { organization, ...(await getListPage(db, list, "newest", new Date(), position)) };
}
