import { createOrganizationPapersFeedHandler } from "@/server/feeds/organization-papers-feed-handler";

export const GET = createOrganizationPapersFeedHandler("rss");
