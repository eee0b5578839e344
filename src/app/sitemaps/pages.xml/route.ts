import { siteUrl } from "@/env";
import { createPagesSitemapHandler } from "@/server/sitemaps/pages-sitemap-handler";

export const GET = createPagesSitemapHandler(siteUrl);
