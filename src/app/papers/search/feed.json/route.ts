import { createSearchResultsFeedHandler } from "@/server/feeds/search-results-feed-handler";

export const GET = createSearchResultsFeedHandler("json");
