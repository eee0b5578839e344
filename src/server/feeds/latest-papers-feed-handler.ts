import "server-only";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse, filteredSpec } from "@/server/feeds/respond";
import { filterOrThrow, handleErrors } from "@/server/http/errors";
import { getCachedRecentPapers } from "@/server/papers/cache";

/** GET /papers/feed.xml|json: the papers of the latest feed days (filtered as lists are: cat, not, code, min). */
export function createLatestPapersFeedHandler(format: FeedFormat) {
  return handleErrors(async (request: Request) => {
    const filter = filterOrThrow(request);
    const spec = { title: "Daily Papers", description: "Papers of the latest feed days", pagePath: "/" };
    return feedResponse(request, format, filteredSpec(spec, filter), await getCachedRecentPapers(filter));
  });
}
