import "server-only";
import { TRENDING_DAYS } from "@/lib/ranking";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse } from "@/server/feeds/respond";
import { handleErrors } from "@/server/http/errors";
import { getCachedTrendingPapers } from "@/server/papers/cache";

/** GET /papers/trending/feed.xml|json: the first page of the trending list. */
export function createTrendingPapersFeedHandler(format: FeedFormat) {
  return handleErrors(async (request: Request) => {
    const { papers } = await getCachedTrendingPapers(null);
    const spec = {
      title: "Trending papers · Daily Papers",
      description: `The most upvoted papers of the last ${TRENDING_DAYS} days, with time decay`,
      pagePath: "/papers/trending",
    };
    return feedResponse(request, format, spec, papers);
  });
}
