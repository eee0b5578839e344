import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { addDays, fromIsoDate, toIsoDate } from "@/lib/dates";
import type { FeedSort } from "@/lib/feed-sort";
import { periodContaining, type Period } from "@/lib/periods";
import { rankByTrending, TRENDING_DAYS, type RankExplanation } from "@/lib/ranking";
import { queryRows, type Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";

export type RankedPaper = PaperDto & { rank: RankExplanation };

export interface PeriodFeed {
  papers: RankedPaper[];
  /** The nearest earlier/later periods of the same kind that have papers. */
  previous: Period | null;
  next: Period | null;
}

/** Ranks DTOs by the requested order; trending uses the documented time-decayed score. */
export function sortPapers(papers: PaperDto[], sort: FeedSort, now: Date): RankedPaper[] {
  const ranked = rankByTrending(
    papers.map((paper) => ({ ...paper, addedAt: new Date(paper.addedAt) })),
    now,
  ).map(({ addedAt, ...paper }) => ({ ...paper, addedAt: addedAt.toISOString() }));
  if (sort === "upvotes") return ranked.sort((a, b) => b.upvotes - a.upvotes || a.id.localeCompare(b.id));
  if (sort === "newest") return ranked.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
  return ranked;
}

async function findPapers(db: Db, where: Prisma.PaperWhereInput): Promise<PaperDto[]> {
  const rows = await db.paper.findMany({ where, select: paperSelect, orderBy: [{ upstreamUpvotes: "desc" }, { id: "asc" }] });
  return rows.map(toPaperDto);
}

const neighbourDays = z.object({ before: z.date().nullable(), after: z.date().nullable() });

export async function getPeriodFeed(db: Db, period: Period, sort: FeedSort, now: Date): Promise<PeriodFeed> {
  const [papers, [bounds]] = await Promise.all([
    findPapers(db, { feedDate: { gte: fromIsoDate(period.start), lt: fromIsoDate(period.end) } }),
    // Raw: both neighbours in one round trip; Prisma's aggregate takes a single filter, so it
    // would need two (the page's query count is tested).
    queryRows(
      db,
      neighbourDays,
      Prisma.sql`
        SELECT (SELECT max("feedDate") FROM "Paper" WHERE "feedDate" < ${period.start}::date) AS "before",
               (SELECT min("feedDate") FROM "Paper" WHERE "feedDate" >= ${period.end}::date) AS "after"`,
    ),
  ]);
  return {
    papers: sortPapers(papers, sort, now),
    previous: bounds?.before ? periodContaining(period.kind, toIsoDate(bounds.before)) : null,
    next: bounds?.after ? periodContaining(period.kind, toIsoDate(bounds.after)) : null,
  };
}

/** The latest feed day that has papers, or null when the database is empty. */
export async function getLatestFeedDate(db: Db): Promise<string | null> {
  const latest = await db.paper.findFirst({ select: { feedDate: true }, orderBy: { feedDate: "desc" } });
  return latest ? toIsoDate(latest.feedDate) : null;
}

export interface TrendingFeed {
  papers: RankedPaper[];
  /** Last day of the 7-day window: today, or the latest feed day when nothing was added since. */
  windowEnd: string | null;
}

/**
 * Papers of the TRENDING_DAYS days up to today, by trending score. An instance whose imports
 * stopped would otherwise show nothing, so when those days have no papers the window ends at the latest
 * feed day instead.
 */
export async function getTrendingPapers(db: Db, now: Date, limit = 50): Promise<TrendingFeed> {
  const today = toIsoDate(now);
  const latest = await db.paper.findFirst({
    where: { feedDate: { lte: fromIsoDate(today) } },
    select: { feedDate: true },
    orderBy: { feedDate: "desc" },
  });
  if (!latest) return { papers: [], windowEnd: null };
  const latestDay = toIsoDate(latest.feedDate);
  const windowEnd = latestDay > addDays(today, -TRENDING_DAYS) ? today : latestDay;
  const papers = await findPapers(db, { feedDate: { gt: fromIsoDate(addDays(windowEnd, -TRENDING_DAYS)), lte: fromIsoDate(windowEnd) } });
  return { papers: sortPapers(papers, "trending", now).slice(0, limit), windowEnd };
}

/** Papers of the latest `days` feed days, newest day first, most upvoted first within a day. */
export async function getRecentPapers(db: Db, days = 3, limit = 100): Promise<PaperDto[]> {
  const recentDays = await db.paper.findMany({
    distinct: ["feedDate"],
    select: { feedDate: true },
    orderBy: { feedDate: "desc" },
    take: days,
  });
  const oldest = recentDays.at(-1)?.feedDate;
  if (!oldest) return [];
  const rows = await db.paper.findMany({
    where: { feedDate: { gte: oldest } },
    select: paperSelect,
    orderBy: [{ feedDate: "desc" }, { upstreamUpvotes: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(toPaperDto);
}

export async function getPaperById(db: Db, id: string): Promise<PaperDto | null> {
  const row = await db.paper.findUnique({ where: { id }, select: paperSelect });
  return row ? toPaperDto(row) : null;
}

export interface OrganizationPage {
  organization: { name: string; fullName: string; avatarUrl: string | null };
  papers: PaperDto[];
}

export async function getOrganizationPapers(db: Db, name: string, limit = 100): Promise<OrganizationPage | null> {
  const organization = await db.organization.findUnique({ where: { name }, select: { name: true, fullName: true, avatarUrl: true } });
  if (!organization) return null;
  const rows = await db.paper.findMany({
    where: { organizationName: name },
    select: paperSelect,
    orderBy: [{ feedDate: "desc" }, { publishedAt: "desc" }],
    take: limit,
  });
  return { organization, papers: rows.map(toPaperDto) };
}
