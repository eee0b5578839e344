import "server-only";
import { queryObject, searchParamsSchema } from "@/lib/api-params";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse } from "@/server/feeds/respond";
import { handleErrors, parseOrThrow } from "@/server/http/errors";
import { getCachedSearch } from "@/server/papers/cache";
import { normalizeQuery } from "@/server/papers/search";

/** GET /papers/search/feed.xml|json?q=: the papers matching a search. */
export function createSearchResultsFeedHandler(format: FeedFormat) {
  return handleErrors(async (request: Request) => {
    const { q } = parseOrThrow(searchParamsSchema.pick({ q: true }), queryObject(request.url));
    const query = normalizeQuery(q);
    const { hits } = await getCachedSearch(query);
    const spec = {
      title: `“${query}” · Daily Papers`,
      description: `Papers matching “${query}”`,
      pagePath: `/papers?q=${encodeURIComponent(query)}`,
    };
    return feedResponse(
      request,
      format,
      spec,
      hits.map((hit) => hit.paper),
    );
  });
}
