import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { SearchSort } from "@/lib/api-params";
import { parseArxivId } from "@/lib/arxiv-id";
import { addDays } from "@/lib/dates";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/highlight-markers";
import type { ListFilter } from "@/lib/list-filter";
import { excerptAroundFirstMatch } from "@/lib/search-excerpt";
import { queryRows, type Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";
import { getLatestFeedDate } from "@/server/papers/feed";
import { filterCondition } from "@/server/papers/list-condition";
import { PAGE_SIZE } from "@/server/papers/list-pages";

/** Longer queries are cut: past a few hundred characters nobody is typing a search any more. */
export const MAX_QUERY_LENGTH = 500;

export interface SearchHit {
  paper: PaperDto;
  /** Title and a short abstract excerpt with matches wrapped in HIGHLIGHT_START/END. */
  highlightedTitle: string;
  highlightedExcerpt: string;
}

export interface SearchOptions {
  sort?: SearchSort;
  /** Feed days `YYYY-MM-DD`, both included. */
  from?: string | null;
  to?: string | null;
  filter?: ListFilter | null;
  /** Which page of `limit` hits (0-based). */
  page?: number;
  limit?: number;
}

export interface SearchResults {
  query: string;
  hits: SearchHit[];
  /** Hits on all pages: the matches ranked (at most SEARCH_CANDIDATES) and a paper named by its arXiv id. */
  total: number;
  /** More papers matched than were ranked: the list holds the newest SEARCH_CANDIDATES of them. */
  capped: boolean;
  /** Position of the first hit in the whole list (0-based). */
  offset: number;
}

// One row per hit of the page, or a single row of counts alone when the page is past the end.
const searchRow = z.object({
  matched: z.number(),
  total: z.number(),
  id: z.string().nullable(),
  title: z.string().nullable(),
  abstract: z.string().nullable(),
});

export function normalizeQuery(raw: string): string {
  return raw
    .replace(/[\uE000\uE001\0]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

// Relevance is ranked among the newest matches only: a common word matches half of a million
// papers, and ranking them all takes seconds. The newest matches come from the feed-day index for
// common words and from the full-text index for rare ones (the planner picks by selectivity).
// Every sort and page orders these same candidates, so paging through them is cheap and stable.
export const SEARCH_CANDIDATES = 1000;
// A word in a few percent of papers is slow either way (the feed-day walk reads tens of thousands
// of papers' search vectors; the full-text index finds tens of thousands of matches to sort), so
// the recent window is searched first with both indexes together (a bitmap AND): 40 ms instead of
// 0.3–1.7 s at a million papers. Only when the window holds no more than SEARCH_CANDIDATES matches
// (rare words) is everything searched; the newest matches are the same either way.
const RECENT_WINDOW_DAYS = 90;

/** Feed days to search, both ends included; null: unbounded. */
interface DayRange {
  from: string | null;
  to: string | null;
}

/** A page's worth of a search, fixed by the options: what the SQL is asked. */
interface SearchPlan {
  query: string;
  arxivId: string | null;
  sort: SearchSort;
  range: DayRange;
  filter: ListFilter | null;
  offset: number;
  limit: number;
}

/**
 * Full-text search over title, authors and abstract (websearch syntax: quotes, OR, -word), ranked
 * by relevance, newest or upvotes among the newest 1,000 matches (within the date range and filter),
 * a page at a time; an arXiv id or URL finds that paper first. Any input yields results or none.
 */
export async function searchPapers(db: Db, rawQuery: string, options: SearchOptions = {}): Promise<SearchResults> {
  const query = normalizeQuery(rawQuery);
  const limit = options.limit ?? PAGE_SIZE;
  const offset = (options.page ?? 0) * limit;
  if (!query) return { query, hits: [], total: 0, capped: false, offset };
  const range = { from: options.from ?? null, to: options.to ?? null };
  const plan = {
    query,
    arxivId: parseArxivId(query),
    sort: options.sort ?? "relevance",
    range,
    filter: options.filter ?? null,
    offset,
    limit,
  };
  const window = recentWindow(range, await getLatestFeedDate(db, {}, range.to ?? undefined));
  let rows = window ? await findPage(db, plan, window) : null;
  // The window's newest matches are everyone's only when more matched there than are ranked.
  if (!rows || (rows[0]?.matched ?? 0) <= SEARCH_CANDIDATES) rows = await findPage(db, plan, range);
  const counts = rows[0] ?? { matched: 0, total: 0 };
  return { query, hits: await toHits(db, rows), total: counts.total, capped: counts.matched > SEARCH_CANDIDATES, offset };
}

/** The last RECENT_WINDOW_DAYS up to the latest feed day in the range; null when it would not narrow the range. */
function recentWindow(range: DayRange, latest: string | null): DayRange | null {
  if (!latest) return null;
  const start = addDays(latest, -RECENT_WINDOW_DAYS);
  return range.from && range.from >= start ? null : { from: start, to: range.to };
}

async function toHits(db: Db, rows: z.infer<typeof searchRow>[]): Promise<SearchHit[]> {
  const found = rows.filter((row) => row.id !== null);
  const papers = await db.paper.findMany({ where: { id: { in: found.map((row) => row.id!) }, hiddenAt: null }, select: paperSelect });
  const byId = new Map(papers.map((row) => [row.id, toPaperDto(row)]));
  return found.flatMap((row) => {
    const paper = byId.get(row.id!);
    if (!paper) return [];
    return [
      {
        paper,
        highlightedTitle: row.title ?? paper.title,
        highlightedExcerpt: excerptAroundFirstMatch(row.abstract ?? paper.abstract),
      },
    ];
  });
}

function dayBounds({ from, to }: DayRange): Prisma.Sql {
  return Prisma.sql`${from ? Prisma.sql`AND p."feedDate" >= ${from}::date` : Prisma.empty} ${to ? Prisma.sql`AND p."feedDate" <= ${to}::date` : Prisma.empty}`;
}

// Each order ends in the id, so every page of a search continues the one before it.
function rankOrder(sort: SearchSort, arxivId: string | null): Prisma.Sql {
  if (sort === "newest") return Prisma.sql`c."feedDate" DESC, c."publishedAt" DESC, c."id"`;
  if (sort === "upvotes") return Prisma.sql`c."upvotes" DESC, c."id"`;
  const named = arxivId ? Prisma.sql`(c."id" = ${arxivId}) DESC,` : Prisma.empty;
  return Prisma.sql`${named} ts_rank_cd(c."searchVector", q.tsq) DESC, c."feedDate" DESC, c."id"`;
}

/**
 * One page of the newest SEARCH_CANDIDATES matches within `searched` (the plan's range, or the
 * recent window of it), ordered by the plan's sort, highlighted, with the number of matches (one
 * past SEARCH_CANDIDATES says there were more) and of hits in the whole list.
 */
async function findPage(db: Db, plan: SearchPlan, searched: DayRange) {
  const filter = filterCondition(plan.filter);
  const columns = Prisma.sql`p."id", p."searchVector", p."feedDate", p."publishedAt", p."upstreamUpvotes" + p."localUpvotes" AS "upvotes"`;
  // The paper an arXiv id names is a hit even when its text does not match, within the reader's
  // own bounds (not the window: it is one row by primary key).
  const named = plan.arxivId
    ? Prisma.sql`UNION ALL
        SELECT ${columns} FROM "Paper" p
        WHERE p."id" = ${plan.arxivId} AND p."hiddenAt" IS NULL ${dayBounds(plan.range)} AND ${filter}
          AND NOT EXISTS (SELECT 1 FROM ranked_matches m WHERE m."id" = p."id")`
    : Prisma.empty;
  // Raw: full-text matching, ranking and highlighting have no Prisma API.
  return queryRows(
    db,
    searchRow,
    Prisma.sql`
      WITH q AS (SELECT websearch_to_tsquery('english', ${plan.query}) AS tsq),
      matches AS (
        SELECT ${columns}
        FROM "Paper" p
        -- The query is spelled out here, not taken from q, so the planner sees the words and can
        -- tell a common one (walk the feed-day index) from a rare one (use the full-text index).
        -- The id decides among a day's papers, so the same candidates are chosen for every page.
        -- The filter comes first: PostgreSQL tests quals of equal cost in the order written, and
        -- a category test rejects most papers before their search vector is read (half the time
        -- of a category search for a common word at a million papers, bench/RESULTS.md).
        WHERE ${filter} AND p."searchVector" @@ websearch_to_tsquery('english', ${plan.query}) AND p."hiddenAt" IS NULL
          ${dayBounds(searched)}
        ORDER BY p."feedDate" DESC, p."id" DESC
        LIMIT ${SEARCH_CANDIDATES + 1}
      ),
      ranked_matches AS (SELECT * FROM matches ORDER BY "feedDate" DESC, "id" DESC LIMIT ${SEARCH_CANDIDATES}),
      candidates AS (SELECT * FROM ranked_matches ${named}),
      ranked AS (
        SELECT c."id", row_number() OVER (ORDER BY ${rankOrder(plan.sort, plan.arxivId)}) AS position
        FROM candidates c, q
      ),
      page AS (SELECT "id", position FROM ranked WHERE position > ${plan.offset} ORDER BY position LIMIT ${plan.limit})
      SELECT counts."matched", counts."total", hit."id", hit."title", hit."abstract"
      FROM (SELECT (SELECT count(*) FROM matches)::int AS "matched", (SELECT count(*) FROM candidates)::int AS "total") counts
      LEFT JOIN (
        SELECT page."id", page.position,
          ts_headline('english', p."title", q.tsq, ${headlineOptions()}) AS "title",
          ts_headline('english', p."abstract", q.tsq, ${headlineOptions()}) AS "abstract"
        FROM page JOIN "Paper" p USING ("id"), q
      ) hit ON TRUE
      ORDER BY hit.position`,
  );
}

// The whole text is marked; the excerpt is cut from the abstract in TypeScript (src/lib/search-excerpt.ts),
// at a sentence or word, which ts_headline's fragments do not respect.
function headlineOptions(): string {
  return `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`;
}
