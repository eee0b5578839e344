import { feedResponse } from "@/server/feeds/respond";
import { handleErrors } from "@/server/http";
import { getCachedTrendingPapers } from "@/server/queries/cached";

export const GET = handleErrors(async (request: Request) => {
  const { papers } = await getCachedTrendingPapers(50);
  return feedResponse(request, "rss", { title: "Trending papers · Daily Papers", description: "The most upvoted papers of the last 7 feed days, with time decay", pagePath: "/papers/trending" }, papers);
});
