import { feedResponse } from "@/server/feeds/respond";
import { handleErrors } from "@/server/http";
import { getCachedRecentPapers } from "@/server/queries/cached";

export const GET = handleErrors(async (request: Request) =>
  feedResponse(request, "json", { title: "Daily Papers", description: "Papers of the latest feed days", pagePath: "/" }, await getCachedRecentPapers()),
);
