import "server-only";
import { TRENDING_DAYS } from "@/lib/ranking";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse, filteredSpec } from "@/server/feeds/respond";
import { filterOrThrow, handleErrors } from "@/server/http/errors";
import { getCachedTrendingPapers } from "@/server/papers/cache";

/** GET /papers/trending/feed.xml|json: the first page of the trending list (filtered as lists are: cat, not, code, min). */
export function createTrendingPapersFeedHandler(format: FeedFormat) {
  return handleErrors(async (request: Request) => {
    const filter = filterOrThrow(request);
    const { papers } = await getCachedTrendingPapers(null, filter);
    const spec = {
      title: "Trending papers · Daily Papers",
      description: `The most upvoted papers of the last ${TRENDING_DAYS} days, with time decay`,
      pagePath: "/papers/trending",
    };
    return feedResponse(request, format, filteredSpec(spec, filter), papers);
  });
}
