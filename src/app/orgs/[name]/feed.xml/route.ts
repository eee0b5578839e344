import { organizationPapersFeed } from "@/server/feeds/routes";

export const GET = organizationPapersFeed("rss");
