import { createLatestPapersFeedHandler } from "@/server/feeds/latest-papers-feed-handler";

export const GET = createLatestPapersFeedHandler("json");
