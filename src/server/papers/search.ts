import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { parseArxivId } from "@/lib/arxiv-id";
import { addDays } from "@/lib/dates";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/highlight-markers";
import { queryRows, type Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";
import { getLatestFeedDate } from "@/server/papers/feed";

/** Longer queries are cut: past a few hundred characters nobody is typing a search any more. */
export const MAX_QUERY_LENGTH = 500;

export interface SearchHit {
  paper: PaperDto;
  /** Title and a short abstract excerpt with matches wrapped in HIGHLIGHT_START/END. */
  highlightedTitle: string;
  highlightedExcerpt: string;
}

export interface SearchResults {
  query: string;
  hits: SearchHit[];
}

const searchMatch = z.object({ id: z.string(), title: z.string(), excerpt: z.string(), candidates: z.number() });

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
const SEARCH_CANDIDATES = 1000;
// A word in a few percent of papers is slow either way (the feed-day walk reads tens of thousands
// of papers' search vectors; the full-text index finds tens of thousands of matches to sort), so
// the recent window is searched first with both indexes together (a bitmap AND): 40 ms instead of
// 0.3–1.7 s at a million papers. Only when the window holds fewer than SEARCH_CANDIDATES matches
// (rare words) is everything searched; the newest matches are the same either way.
const RECENT_WINDOW_DAYS = 90;

/**
 * Full-text search over title, authors and abstract (websearch syntax: quotes, OR, -word), ranked
 * by relevance among the newest 1,000 matches; an arXiv id or URL finds that paper first. Any input
 * yields results or none.
 */
export async function searchPapers(db: Db, rawQuery: string, limit = 50): Promise<SearchResults> {
  const query = normalizeQuery(rawQuery);
  if (!query) return { query, hits: [] };
  const arxivId = parseArxivId(query);
  const latest = await getLatestFeedDate(db);
  const windowStart = latest ? addDays(latest, -RECENT_WINDOW_DAYS) : null;
  let matches = windowStart ? await findMatches(db, query, limit, windowStart) : [];
  if ((matches[0]?.candidates ?? 0) < SEARCH_CANDIDATES) matches = await findMatches(db, query, limit, null);
  const ids = [...(arxivId ? [arxivId] : []), ...matches.map((match) => match.id).filter((id) => id !== arxivId)];
  const rows = await db.paper.findMany({ where: { id: { in: ids }, hiddenAt: null }, select: paperSelect });
  const byId = new Map(rows.map((row) => [row.id, toPaperDto(row)]));
  const highlights = new Map(matches.map((match) => [match.id, match]));
  const hits = ids.flatMap((id) => {
    const paper = byId.get(id);
    if (!paper) return [];
    const highlight = highlights.get(id);
    return [
      { paper, highlightedTitle: highlight?.title ?? paper.title, highlightedExcerpt: highlight?.excerpt ?? paper.abstract.slice(0, 300) },
    ];
  });
  return { query, hits };
}

/** The best `limit` of the newest SEARCH_CANDIDATES matches (from `since` on, when given), highlighted. */
async function findMatches(db: Db, query: string, limit: number, since: string | null) {
  const recent = since ? Prisma.sql`AND p."feedDate" >= ${since}::date` : Prisma.empty;
  // Raw: full-text matching, ranking and highlighting have no Prisma API.
  return queryRows(
    db,
    searchMatch,
    Prisma.sql`
      WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS tsq),
      candidates AS (
        SELECT p."id", p."searchVector", p."feedDate"
        FROM "Paper" p
        -- The query is spelled out here, not taken from q, so the planner sees the words and can
        -- tell a common one (walk the feed-day index) from a rare one (use the full-text index).
        WHERE p."searchVector" @@ websearch_to_tsquery('english', ${query}) AND p."hiddenAt" IS NULL ${recent}
        ORDER BY p."feedDate" DESC
        LIMIT ${SEARCH_CANDIDATES}
      ),
      ranked AS (
        SELECT c."id", ts_rank_cd(c."searchVector", q.tsq) AS relevance
        FROM candidates c, q
        ORDER BY relevance DESC, c."feedDate" DESC, c."id"
        LIMIT ${limit}
      )
      SELECT p."id",
        ts_headline('english', p."title", q.tsq, ${headlineOptions(true)}) AS "title",
        ts_headline('english', p."abstract", q.tsq, ${headlineOptions(false)}) AS "excerpt",
        (SELECT count(*) FROM candidates)::int AS "candidates"
      FROM ranked JOIN "Paper" p USING ("id"), q
      ORDER BY ranked.relevance DESC, p."feedDate" DESC, p."id"`,
  );
}

function headlineOptions(wholeText: boolean): string {
  const markers = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`;
  return wholeText ? `${markers}, HighlightAll=true` : `${markers}, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`;
}
