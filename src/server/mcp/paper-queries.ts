import "server-only";
import type { FeedSort } from "@/lib/feed-sort";
import type { ListFilter } from "@/lib/list-filter";
import type { Period } from "@/lib/periods";
import type { Db } from "@/server/db";
import { getLatestFeedDate, getPeriodFeed, getTrendingPapers } from "@/server/papers/feed";
import type { ListPage } from "@/server/papers/list-pages";
import { searchPapers, type SearchOptions, type SearchResults } from "@/server/papers/search";
import { getPaperWithSimilar, MORE_LIKE_THIS_VIEW, type PaperWithSimilar } from "@/server/papers/similar";

/**
 * The public lists the MCP server reads: the cached queries the site and the API use in the app
 * (cached-paper-queries.ts), the database's own in tests, as the search API takes its search.
 */
export interface PaperQueries {
  search(query: string, options: SearchOptions): Promise<SearchResults>;
  latestFeedDate(): Promise<string | null>;
  periodFeed(period: Period, sort: FeedSort, filter: ListFilter, offset: number, limit: number): Promise<ListPage>;
  trending(offset: number, limit: number): Promise<ListPage>;
  /** The "More like this" list. */
  similar(id: string): Promise<PaperWithSimilar | null>;
}

export function livePaperQueries(db: Db): PaperQueries {
  return {
    search: (query, options) => searchPapers(db, query, options),
    latestFeedDate: () => getLatestFeedDate(db),
    periodFeed: (period, sort, filter, offset, limit) => getPeriodFeed(db, period, sort, new Date(), { offset, limit }, { filter }),
    trending: (offset, limit) => getTrendingPapers(db, new Date(), { offset, limit }),
    similar: (id) => getPaperWithSimilar(db, id, MORE_LIKE_THIS_VIEW),
  };
}
