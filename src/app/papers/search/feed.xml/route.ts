import { searchResultsFeed } from "@/server/feeds/routes";

export const GET = searchResultsFeed("rss");
