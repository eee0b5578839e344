import { queryObject, searchParamsSchema } from "@/lib/api-params";
import { feedResponse } from "@/server/feeds/respond";
import { handleErrors, parseOrThrow } from "@/server/http";
import { getCachedSearch } from "@/server/queries/cached";
import { normalizeQuery } from "@/server/queries/search";

export const GET = handleErrors(async (request: Request) => {
  const { q } = parseOrThrow(searchParamsSchema.pick({ q: true }), queryObject(request.url));
  const query = normalizeQuery(q);
  const { hits } = await getCachedSearch(query);
  return feedResponse(request, "json", { title: `“${query}” · Daily Papers`, description: `Papers matching “${query}”`, pagePath: `/papers?q=${encodeURIComponent(query)}` }, hits.map((hit) => hit.paper));
});
