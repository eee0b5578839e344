import { queryObject, searchParamsSchema } from "@/lib/api-params";
import { cacheableJson } from "@/server/http/cacheable";
import { handleErrors, parseOrThrow } from "@/server/http/errors";
import { getCachedSearch } from "@/server/papers/cache";
import { toHfDailyPaper } from "@/server/papers/hf-shape";
import { normalizeQuery } from "@/server/papers/search";

/** GET /api/papers/search?q=&limit= — relevance-ranked full-text search. */
export const GET = handleErrors(async (request: Request) => {
  const { q, limit } = parseOrThrow(searchParamsSchema, queryObject(request.url));
  const results = await getCachedSearch(normalizeQuery(q));
  return cacheableJson(
    request,
    results.hits.slice(0, limit).map((hit) => toHfDailyPaper(hit.paper)),
  );
});
