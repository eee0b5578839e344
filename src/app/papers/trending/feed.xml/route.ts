import { createTrendingPapersFeedHandler } from "@/server/feeds/trending-papers-feed-handler";

export const GET = createTrendingPapersFeedHandler("rss");
