import "server-only";
import { siteUrl } from "@/env";
import { queryObject, searchParamsSchema } from "@/lib/api-params";
import { cacheableJson } from "@/server/http/cacheable";
import { filterOrThrow, handleErrors, parseOrThrow } from "@/server/http/errors";
import { toHfDailyPaper } from "@/server/papers/hf-shape";
import { normalizeQuery, type SearchOptions, type SearchResults } from "@/server/papers/search";

/**
 * GET /api/papers/search?q=&limit=&p=&sort=&from=&to=&cat=&not=&code=&min=: full-text search, a
 * page at a time. The body stays the bare array of HF daily papers existing clients read; how many
 * hits there are and where the next page is travel in headers (X-Total-Count, Link rel="next").
 * `search` is the cached query in the app (getCachedSearch), the database's in tests.
 */
export function createSearchApiHandler(search: (query: string, options: SearchOptions) => Promise<SearchResults>) {
  return handleErrors(async (request: Request) => {
    const { q, limit, p, sort, from, to } = parseOrThrow(searchParamsSchema, queryObject(request.url));
    // Read from the whole query: cat and not repeat, and queryObject keeps the first value of each.
    const filter = filterOrThrow(request);
    const results = await search(normalizeQuery(q), { sort, from, to, filter, page: p, limit });
    const response = cacheableJson(
      request,
      results.hits.map((hit) => toHfDailyPaper(hit.paper)),
    );
    response.headers.set("X-Total-Count", String(results.total));
    // More papers matched than were ranked: the total counts the newest 1,000 of them.
    if (results.capped) response.headers.set("X-Total-Count-Capped", "true");
    if (results.offset + results.hits.length < results.total)
      response.headers.set("Link", `<${nextPageUrl(new URL(request.url), p)}>; rel="next"`);
    return response;
  });
}

/** The same search's next page on the site's public URL (the request's may be the page cache's loopback). */
function nextPageUrl(url: URL, page: number): string {
  const query = new URLSearchParams(url.searchParams);
  query.set("p", String(page + 1));
  return new URL(`${url.pathname}?${query}`, siteUrl).toString();
}
