import "server-only";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse } from "@/server/feeds/respond";
import { handleErrors } from "@/server/http/errors";
import { getCachedRecentPapers } from "@/server/papers/cache";

/** GET /papers/feed.xml|json: the papers of the latest feed days. */
export function createLatestPapersFeedHandler(format: FeedFormat) {
  return handleErrors(async (request: Request) =>
    feedResponse(
      request,
      format,
      { title: "Daily Papers", description: "Papers of the latest feed days", pagePath: "/" },
      await getCachedRecentPapers(),
    ),
  );
}
