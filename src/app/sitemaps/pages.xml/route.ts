import { siteUrl } from "@/env";
import { db } from "@/server/db";
import { createPagesSitemapHandler } from "@/server/sitemaps/pages-sitemap-handler";

export const GET = createPagesSitemapHandler({ db, siteUrl });
