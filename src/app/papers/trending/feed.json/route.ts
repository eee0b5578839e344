import { trendingPapersFeed } from "@/server/feeds/routes";

export const GET = trendingPapersFeed("json");
