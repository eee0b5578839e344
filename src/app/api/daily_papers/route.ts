import { dailyPapersParamsSchema, queryObject } from "@/lib/api-params";
import { cacheableJson } from "@/server/http/cacheable";
import { filterOrThrow, handleErrors, parseOrThrow } from "@/server/http/errors";
import { getCachedLatestFeedDate, getCachedPeriodFeed } from "@/server/papers/cache";
import { toHfDailyPaper } from "@/server/papers/hf-shape";

/**
 * GET /api/daily_papers?date=|week=|month=&sort=publishedAt|trending|discussed&p=&limit= (Hugging Face's
 * shape), and the lists' filters: cat=, not= (repeatable), code=1, min=.
 */
export const GET = handleErrors(async (request: Request) => {
  const params = parseOrThrow(dailyPapersParamsSchema, queryObject(request.url));
  const filter = filterOrThrow(request);
  const [kind, key] = params.week
    ? (["week", params.week] as const)
    : params.month
      ? (["month", params.month] as const)
      : (["date", params.date ?? (await getCachedLatestFeedDate())] as const);
  if (!key) return cacheableJson(request, []);
  const sort = params.sort === "publishedAt" ? "newest" : params.sort;
  const page = await getCachedPeriodFeed(kind, key, sort, null, filter, params.p * params.limit, params.limit);
  return cacheableJson(request, page.papers.map(toHfDailyPaper));
});
