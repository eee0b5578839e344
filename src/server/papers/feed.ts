import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { addDays, fromIsoDate, toIsoDate } from "@/lib/dates";
import type { FeedSort } from "@/lib/feed-sort";
import { periodContaining, type Period } from "@/lib/periods";
import { TRENDING_DAYS } from "@/lib/ranking";
import { queryRows, type Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";
import { getListPage, type ListPage, type ListPosition, type PaperList } from "@/server/papers/list-pages";

export type { RankedPaper } from "@/server/papers/list-pages";

export interface PeriodFeed extends ListPage {
  /** The nearest earlier/later periods of the same kind that have papers. */
  previous: Period | null;
  next: Period | null;
}

/** The papers added in a period, as a list to page through. */
export function periodList(period: Period): PaperList {
  return {
    key: `${period.kind}:${period.key}`,
    where: Prisma.sql`p."feedDate" >= ${period.start}::date AND p."feedDate" < ${period.end}::date`,
  };
}

const neighbourDays = z.object({ before: z.date().nullable(), after: z.date().nullable() });

/** One page of a period's papers (see getListPage), with the nearest periods that have papers. */
export async function getPeriodFeed(db: Db, period: Period, sort: FeedSort, now: Date, position: ListPosition = {}): Promise<PeriodFeed> {
  const [page, [bounds]] = await Promise.all([
    getListPage(db, periodList(period), sort, now, position),
    // Raw: both neighbours in one round trip; Prisma's aggregate takes a single filter, so it
    // would need two (the page's query count is tested).
    queryRows(
      db,
      neighbourDays,
      Prisma.sql`
        SELECT (SELECT max("feedDate") FROM "Paper" WHERE "feedDate" < ${period.start}::date AND "hiddenAt" IS NULL) AS "before",
               (SELECT min("feedDate") FROM "Paper" WHERE "feedDate" >= ${period.end}::date AND "hiddenAt" IS NULL) AS "after"`,
    ),
  ]);
  return {
    ...page,
    previous: bounds?.before ? periodContaining(period.kind, toIsoDate(bounds.before)) : null,
    next: bounds?.after ? periodContaining(period.kind, toIsoDate(bounds.after)) : null,
  };
}

/** The latest feed day that has papers, or null when the database is empty. */
export async function getLatestFeedDate(db: Db): Promise<string | null> {
  const latest = await db.paper.findFirst({ where: { hiddenAt: null }, select: { feedDate: true }, orderBy: { feedDate: "desc" } });
  return latest ? toIsoDate(latest.feedDate) : null;
}

export interface TrendingFeed extends ListPage {
  /** Last day of the window: today, or the latest feed day when nothing was added since. */
  windowEnd: string | null;
}

/**
 * Papers of the TRENDING_DAYS days up to today, by trending score, a page at a time. An instance
 * whose imports stopped would otherwise show nothing, so when those days have no papers the
 * window ends at the latest feed day instead.
 */
export async function getTrendingPapers(db: Db, now: Date, position: ListPosition = {}): Promise<TrendingFeed> {
  const today = toIsoDate(now);
  const latest = await db.paper.findFirst({
    where: { feedDate: { lte: fromIsoDate(today) }, hiddenAt: null },
    select: { feedDate: true },
    orderBy: { feedDate: "desc" },
  });
  if (!latest) return { papers: [], total: 0, offset: 0, nextCursor: null, windowEnd: null };
  const latestDay = toIsoDate(latest.feedDate);
  const windowEnd = latestDay > addDays(today, -TRENDING_DAYS) ? today : latestDay;
  const list = {
    key: `trending:${windowEnd}`,
    where: Prisma.sql`p."feedDate" > ${addDays(windowEnd, -TRENDING_DAYS)}::date AND p."feedDate" <= ${windowEnd}::date`,
  };
  return { ...(await getListPage(db, list, "trending", now, position)), windowEnd };
}

const feedDay = z.object({ day: z.date() });

/** Papers of the latest `days` feed days, newest day first, most upvoted first within a day. */
export async function getRecentPapers(db: Db, days = 3, limit = 100): Promise<PaperDto[]> {
  // Raw: a loose index scan (one index probe per distinct day) instead of reading every row.
  const recentDays = await queryRows(
    db,
    feedDay,
    Prisma.sql`
      WITH RECURSIVE day AS (
        (SELECT "feedDate" AS day, 1 AS n FROM "Paper" WHERE "hiddenAt" IS NULL ORDER BY "feedDate" DESC LIMIT 1)
        UNION ALL
        SELECT (SELECT max("feedDate") FROM "Paper" WHERE "feedDate" < day.day AND "hiddenAt" IS NULL), n + 1 FROM day WHERE n < ${days}
      )
      SELECT day FROM day WHERE day IS NOT NULL`,
  );
  const oldest = recentDays.at(-1)?.day;
  if (!oldest) return [];
  const rows = await db.paper.findMany({
    where: { feedDate: { gte: oldest }, hiddenAt: null },
    select: paperSelect,
    orderBy: [{ feedDate: "desc" }, { upstreamUpvotes: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(toPaperDto);
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
