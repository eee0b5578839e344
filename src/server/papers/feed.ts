import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { addDays, toIsoDate } from "@/lib/dates";
import type { FeedSort } from "@/lib/feed-sort";
import type { PaperScope } from "@/lib/paper-scope";
import { periodContaining, type Period } from "@/lib/periods";
import { TRENDING_DAYS } from "@/lib/ranking";
import { queryRows, type Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";
import { getListPage, type ListPage, type ListPosition, type PaperList } from "@/server/papers/list-pages";
import { scopeCondition, scopeEdgeDay, scopeListKey } from "@/server/papers/scope";

export type { RankedPaper } from "@/server/papers/list-pages";

export interface PeriodFeed extends ListPage {
  /** The nearest earlier/later periods of the same kind that have papers. */
  previous: Period | null;
  next: Period | null;
}

/** The papers added in a period (of one category or keyword when scoped), as a list to page through. */
export function periodList(period: Period, scope: PaperScope | null = null): PaperList {
  return {
    key: `${scopeListKey(scope)}${period.kind}:${period.key}`,
    where: Prisma.sql`p."feedDate" >= ${period.start}::date AND p."feedDate" < ${period.end}::date AND ${scopeCondition(scope)}`,
  };
}

const neighbourDays = z.object({ before: z.date().nullable(), after: z.date().nullable() });

/** One page of a period's papers (see getListPage), with the nearest periods that have papers (in the scope). */
export async function getPeriodFeed(
  db: Db,
  period: Period,
  sort: FeedSort,
  now: Date,
  position: ListPosition = {},
  scope: PaperScope | null = null,
): Promise<PeriodFeed> {
  const [page, [bounds]] = await Promise.all([
    getListPage(db, periodList(period, scope), sort, now, position),
    // Raw: both neighbours in one round trip; Prisma's aggregate takes a single filter, so it
    // would need two (the page's query count is tested).
    queryRows(
      db,
      neighbourDays,
      Prisma.sql`
        SELECT ${scopeEdgeDay("max", Prisma.sql`p."feedDate" < ${period.start}::date`, scope)} AS "before",
               ${scopeEdgeDay("min", Prisma.sql`p."feedDate" >= ${period.end}::date`, scope)} AS "after"`,
    ),
  ]);
  return {
    ...page,
    previous: bounds?.before ? periodContaining(period.kind, toIsoDate(bounds.before)) : null,
    next: bounds?.after ? periodContaining(period.kind, toIsoDate(bounds.after)) : null,
  };
}

const latestDay = z.object({ day: z.date().nullable() });

/** The latest feed day that has papers (in the scope; up to `until` when given), or null when there is none. */
export async function getLatestFeedDate(db: Db, scope: PaperScope | null = null, until?: string): Promise<string | null> {
  // Raw: a scope is an array test (scopeCondition) that Prisma's filters do not spell as `@>`/`&&`,
  // the operators the GIN indexes answer, read as scopeEdgeDay says.
  const bound = until ? Prisma.sql`p."feedDate" <= ${until}::date` : Prisma.sql`TRUE`;
  const [latest] = await queryRows(db, latestDay, Prisma.sql`SELECT ${scopeEdgeDay("max", bound, scope)} AS "day"`);
  return latest?.day ? toIsoDate(latest.day) : null;
}

export interface TrendingFeed extends ListPage {
  /** Last day of the window: today, or the latest feed day when nothing was added since. */
  windowEnd: string | null;
}

/**
 * Papers of the TRENDING_DAYS days up to today (of one category or keyword when scoped), by
 * trending score, a page at a time. An instance whose imports stopped would otherwise show nothing,
 * so when those days have no papers the window ends at the latest feed day instead.
 */
export async function getTrendingPapers(
  db: Db,
  now: Date,
  position: ListPosition = {},
  scope: PaperScope | null = null,
): Promise<TrendingFeed> {
  const today = toIsoDate(now);
  const latest = await getLatestFeedDate(db, scope, today);
  if (!latest) return { papers: [], total: 0, offset: 0, nextCursor: null, windowEnd: null };
  const windowEnd = latest > addDays(today, -TRENDING_DAYS) ? today : latest;
  const list = {
    key: `${scopeListKey(scope)}trending:${windowEnd}`,
    where: Prisma.sql`p."feedDate" > ${addDays(windowEnd, -TRENDING_DAYS)}::date AND p."feedDate" <= ${windowEnd}::date
      AND ${scopeCondition(scope)}`,
  };
  return { ...(await getListPage(db, list, "trending", now, position)), windowEnd };
}

const paperId = z.object({ id: z.string() });

/** Papers of the latest `days` feed days (that have papers in the scope), newest day first, most upvoted first within a day. */
export async function getRecentPapers(
  db: Db,
  { days = 3, limit = 100, scope = null }: { days?: number; limit?: number; scope?: PaperScope | null } = {},
): Promise<PaperDto[]> {
  // Raw: a loose index scan (one index probe per distinct day, see scopeEdgeDay) instead of
  // reading every row, and the scope's array test (see getLatestFeedDate).
  const ids = await queryRows(
    db,
    paperId,
    Prisma.sql`
      WITH RECURSIVE day AS (
        SELECT ${scopeEdgeDay("max", Prisma.sql`TRUE`, scope)} AS day, 1 AS n
        UNION ALL
        SELECT ${scopeEdgeDay("max", Prisma.sql`p."feedDate" < day.day`, scope)}, n + 1 FROM day WHERE n < ${days} AND day.day IS NOT NULL
      )
      SELECT p."id" FROM "Paper" p
      WHERE p."feedDate" = ANY(ARRAY(SELECT day FROM day)) AND p."hiddenAt" IS NULL AND ${scopeCondition(scope)}
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

/** An organization's papers, newest first by arXiv publication, a page at a time; null when unknown. */
export async function getOrganizationPapers(db: Db, name: string, position: ListPosition = {}): Promise<OrganizationPage | null> {
  const organization = await db.organization.findUnique({ where: { name }, select: { name: true, fullName: true, avatarUrl: true } });
  if (!organization) return null;
  const list = { key: `org:${name}`, where: Prisma.sql`p."organizationName" = ${name}` };
  return { organization, ...(await getListPage(db, list, "newest", new Date(), position)) };
}
