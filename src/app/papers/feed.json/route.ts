import { latestPapersFeed } from "@/server/feeds/routes";

export const GET = latestPapersFeed("json");
