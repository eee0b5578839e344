import "server-only";
import { NO_FILTER } from "@/lib/list-filter";
import type { PaperQueries } from "@/server/mcp/paper-queries";
import {
  getCachedLatestFeedDate,
  getCachedPaperWithSimilar,
  getCachedPeriodFeed,
  getCachedSearch,
  getCachedTrendingPapers,
} from "@/server/papers/cache";
import { MORE_LIKE_THIS_VIEW } from "@/server/papers/similar";

/** The MCP server's lists from the same cache as the pages and the API (src/server/papers/cache.ts). */
export const cachedPaperQueries: PaperQueries = {
  search: getCachedSearch,
  latestFeedDate: getCachedLatestFeedDate,
  periodFeed: (period, sort, filter, offset, limit) => getCachedPeriodFeed(period.kind, period.key, sort, null, filter, offset, limit),
  trending: (offset, limit) => getCachedTrendingPapers(null, NO_FILTER, offset, limit),
  similar: (id) => getCachedPaperWithSimilar(id, MORE_LIKE_THIS_VIEW.limit, MORE_LIKE_THIS_VIEW.rankMissing),
};
