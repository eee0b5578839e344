import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { capMarkdown, LIST_PAGE_SIZE, listMarkdown, pageSlice, type ListMarkdownItem } from "@/lib/agents/list-markdown";
import {
  feedSortInput,
  listFilterInput,
  pageInput,
  paperIdInput,
  periodDateInput,
  periodKindInput,
  searchQueryInput,
  searchSortInput,
} from "@/lib/agents/mcp-inputs";
import type { SearchSort } from "@/lib/api-params";
import { AppError } from "@/lib/errors";
import type { FeedSort } from "@/lib/feed-sort";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/highlight-markers";
import { describeFilter, isFiltered, parseListFilter, withFilter, type ListFilter } from "@/lib/list-filter";
import { parsePeriod, periodContaining, periodLabel, periodPath, type Period, type PeriodKind } from "@/lib/periods";
import { countOf } from "@/lib/plural";
import { TRENDING_DAYS } from "@/lib/ranking";
import { shorten } from "@/lib/text";
import { paperRendition } from "@/server/agents/paper-rendition";
import type { McpDeps } from "@/server/mcp/mcp-deps";
import { toolAnswer } from "@/server/mcp/tool-answer";
import { SEARCH_CANDIDATES } from "@/server/papers/search";
import { MORE_LIKE_THIS } from "@/server/papers/similar";

// The public tools: what the site shows every reader, as the Markdown renditions agents get from
// `.md` addresses. Anyone may call them; none changes anything.

const READ_ONLY = { readOnlyHint: true, openWorldHint: false } as const;
// The newest SEARCH_CANDIDATES matches, and a paper the query names by its arXiv id.
const SEARCH_PAGES = Math.ceil((SEARCH_CANDIDATES + 1) / LIST_PAGE_SIZE);
const SIMILAR_PAGES = Math.ceil(MORE_LIKE_THIS / LIST_PAGE_SIZE);
/** A title or query quoted in a heading. */
const QUOTED_LENGTH = 120;

const SEARCH_ORDER: Record<SearchSort, string> = {
  relevance: "most relevant first",
  newest: "newest first",
  upvotes: "most upvoted first",
};
const FEED_ORDER: Record<FeedSort, string> = {
  trending: "in trending order",
  upvotes: "most upvoted first",
  newest: "newest first",
  discussed: "most discussed first",
};

const withoutMarks = (text: string) => text.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_END, "");

/** The filter the tool's arguments ask for, with the list pages' rules (src/lib/list-filter.ts). */
function filterOf(args: { cat?: string[]; not?: string[]; code?: boolean; min?: number }): ListFilter {
  const result = parseListFilter({
    cat: args.cat,
    not: args.not,
    code: args.code === undefined ? undefined : args.code ? "1" : "0",
    min: args.min === undefined ? undefined : String(args.min),
  });
  if (!result.ok) throw new AppError("BAD_REQUEST", result.error.message, { param: result.error.param });
  return result.filter;
}

const KINDS: Record<"day" | "week" | "month", PeriodKind> = { day: "date", week: "week", month: "month" };

/** The period a `date` names (the period itself, or a day in it), or the one holding the latest day with papers. */
async function periodOf(deps: McpDeps, kind: PeriodKind, date: string | undefined): Promise<Period | null> {
  if (date === undefined) {
    const latest = await deps.papers.latestFeedDate();
    return latest ? periodContaining(kind, latest) : null;
  }
  const named = parsePeriod(kind, date) ?? (parsePeriod("date", date) ? periodContaining(kind, date) : null);
  if (!named)
    throw new AppError("BAD_REQUEST", "date: must be a real day like 2026-06-16 (or, for a week, 2026-W24; for a month, 2026-06)", {
      param: "date",
    });
  return named;
}

export function registerPaperTools(server: McpServer, deps: McpDeps): void {
  const { siteUrl, papers } = deps;

  server.registerTool(
    "search_papers",
    {
      title: "Search papers",
      description:
        "Full-text search over the titles, abstracts and authors of this instance's papers, ranked among the newest 1,000 matches. Answers Markdown: 20 papers a page, each with its arXiv id, counts and an excerpt.",
      inputSchema: { query: searchQueryInput, sort: searchSortInput, page: pageInput(SEARCH_PAGES) },
      annotations: READ_ONLY,
    },
    ({ query, sort, page }) =>
      toolAnswer(async () => {
        const results = await papers.search(query, { sort, page: page - 1, limit: LIST_PAGE_SIZE });
        const items: ListMarkdownItem[] = results.hits.map((hit) => ({
          paper: { ...hit.paper, abstract: withoutMarks(hit.highlightedExcerpt) },
        }));
        const ranked = results.capped
          ? ` More papers matched than are ranked: these are among the newest ${SEARCH_CANDIDATES} matches.`
          : "";
        return listMarkdown(
          {
            title: `Search: ${shorten(results.query, QUOTED_LENGTH)}`,
            intro: `${countOf(results.total, "paper matches", "papers match")}, ${SEARCH_ORDER[sort]}.${ranked}`,
            pageUrl: `${siteUrl}/papers?${new URLSearchParams({ q: results.query, sort })}`,
            empty: "No paper matches. Try fewer or other words, or drop a quoted phrase.",
            items,
            page,
            total: results.total,
            hasMore: results.offset + results.hits.length < results.total,
            tool: "search_papers",
          },
          siteUrl,
        );
      }),
  );

  server.registerTool(
    "get_paper",
    {
      title: "Get a paper",
      description:
        "One paper as Markdown: title, authors, links (arXiv, PDF, code), dates, categories, upvotes, abstract, AI summary and keywords, and its newest comments here.",
      inputSchema: { id: paperIdInput },
      annotations: READ_ONLY,
    },
    ({ id }) => toolAnswer(async () => capMarkdown(await paperRendition(deps.db, id, siteUrl), `${siteUrl}/papers/${id}.md`)),
  );

  server.registerTool(
    "list_papers",
    {
      title: "List a day's, week's or month's papers",
      description:
        "The papers added to the feed in one day, ISO week or month, trending first by default, optionally filtered by arXiv category, code and upvotes. Answers Markdown, 20 papers a page.",
      inputSchema: { period: periodKindInput, date: periodDateInput, sort: feedSortInput, ...listFilterInput, page: pageInput() },
      annotations: READ_ONLY,
    },
    (args) =>
      toolAnswer(async () => {
        const filter = filterOf(args);
        const period = await periodOf(deps, KINDS[args.period], args.date);
        if (!period) return "# No papers yet\n\nThis instance has no papers yet.\n";
        const sort: FeedSort = args.sort;
        const list = await papers.periodFeed(period, sort, filter, (args.page - 1) * LIST_PAGE_SIZE, LIST_PAGE_SIZE);
        const only = isFiltered(filter) ? `, only those ${describeFilter(filter)}` : "";
        return listMarkdown(
          {
            title: `Papers of ${periodLabel(period)}`,
            intro: `${countOf(list.total, "paper", "papers")} added to the feed${only}, ${FEED_ORDER[sort]}.`,
            pageUrl: `${siteUrl}${withFilter(periodPath(period), filter, { sort })}`,
            empty: isFiltered(filter) ? "No paper of this period matches the filters." : "No papers were added to the feed in this period.",
            items: list.papers.map((paper) => ({ paper })),
            page: args.page,
            total: list.total,
            hasMore: list.offset + LIST_PAGE_SIZE < list.total,
            tool: "list_papers",
          },
          siteUrl,
        );
      }),
  );

  server.registerTool(
    "trending",
    {
      title: "Trending papers",
      description: `The site's trending list: papers of the last ${TRENDING_DAYS} days by upvotes, with time decay. Answers Markdown, 20 papers a page.`,
      inputSchema: { page: pageInput() },
      annotations: READ_ONLY,
    },
    ({ page }) =>
      toolAnswer(async () => {
        const list = await papers.trending((page - 1) * LIST_PAGE_SIZE, LIST_PAGE_SIZE);
        return listMarkdown(
          {
            title: "Trending papers",
            intro: `The most upvoted papers of the last ${TRENDING_DAYS} days, newer ones weighing more: ${countOf(list.total, "paper", "papers")}.`,
            pageUrl: `${siteUrl}/papers/trending`,
            empty: "No papers were added in these days.",
            items: list.papers.map((paper) => ({ paper })),
            page,
            total: list.total,
            hasMore: list.offset + LIST_PAGE_SIZE < list.total,
            tool: "trending",
          },
          siteUrl,
        );
      }),
  );

  server.registerTool(
    "similar_papers",
    {
      title: "Similar papers",
      description: `Up to ${MORE_LIKE_THIS} papers closest in content to one paper (the site's "More like this"), closest first. Answers Markdown, 20 papers a page.`,
      inputSchema: { id: paperIdInput, page: pageInput(SIMILAR_PAGES) },
      annotations: READ_ONLY,
    },
    ({ id, page }) =>
      toolAnswer(async () => {
        const found = await papers.similar(id);
        if (!found)
          throw new AppError("NOT_FOUND", `No paper with id ${id} on this instance; arXiv may have it: https://arxiv.org/abs/${id}`);
        return listMarkdown(
          {
            title: `More like “${shorten(found.paper.title, QUOTED_LENGTH)}”`,
            intro: `Papers closest in content to arXiv ${id}, by the terms of its title in their titles and abstracts, among the newest papers sharing them.`,
            pageUrl: `${siteUrl}/papers/similar/${id}`,
            empty: "No other paper shares this one's key terms yet.",
            items: pageSlice(found.similar, page).map((paper) => ({ paper })),
            page,
            total: found.similar.length,
            hasMore: page * LIST_PAGE_SIZE < found.similar.length,
            tool: "similar_papers",
          },
          siteUrl,
        );
      }),
  );
}
