import "server-only";
import { queryObject, searchFeedParamsSchema } from "@/lib/api-params";
import { describeFilter, isFiltered, withFilter } from "@/lib/list-filter";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse } from "@/server/feeds/respond";
import { filterOrThrow, handleErrors, parseOrThrow } from "@/server/http/errors";
import { getCachedSearch } from "@/server/papers/cache";
import { normalizeQuery } from "@/server/papers/search";

/**
 * GET /papers/search/feed.xml|json?q=&sort=&from=&to=&cat=&not=&code=&min=: the first page of a
 * search, as the search page shows it. `search` is the cached query in the app, the database's in tests.
 */
export function createSearchResultsFeedHandler(format: FeedFormat, search = getCachedSearch) {
  return handleErrors(async (request: Request) => {
    const { q, sort, from, to } = parseOrThrow(searchFeedParamsSchema, queryObject(request.url));
    // Read from the whole query: cat and not repeat, and queryObject keeps the first value of each.
    const filter = filterOrThrow(request);
    const query = normalizeQuery(q);
    const { hits } = await search(query, { sort, from, to, filter });
    const narrowed = isFiltered(filter) ? ` (${describeFilter(filter)})` : "";
    const spec = {
      title: `“${query}”${narrowed} · Daily Papers`,
      description: `Papers matching “${query}”${narrowed}`,
      pagePath: withFilter("/papers", filter, { q: query, sort: sort === "relevance" ? null : sort, from, to }),
    };
    return feedResponse(
      request,
      format,
      spec,
      hits.map((hit) => hit.paper),
    );
  });
}
