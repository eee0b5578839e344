import { queryObject, searchParamsSchema } from "@/lib/api-params";
import { toHfDailyPaper } from "@/server/api/hf-shape";
import { cacheableJson } from "@/server/http-cache";
import { handleErrors, parseOrThrow } from "@/server/http";
import { getCachedSearch } from "@/server/queries/cached";
import { normalizeQuery } from "@/server/queries/search";

/** GET /api/papers/search?q=&limit= — relevance-ranked full-text search. */
export const GET = handleErrors(async (request: Request) => {
  const { q, limit } = parseOrThrow(searchParamsSchema, queryObject(request.url));
  const results = await getCachedSearch(normalizeQuery(q));
  return cacheableJson(request, results.hits.slice(0, limit).map((hit) => toHfDailyPaper(hit.paper)));
});
