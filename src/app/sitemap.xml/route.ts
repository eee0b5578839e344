import { siteUrl } from "@/env";
import { db } from "@/server/db";
import { PAPERS_PER_SITEMAP } from "@/server/sitemaps/paper-ranges";
import { createSitemapIndexHandler } from "@/server/sitemaps/sitemap-index-handler";

export const GET = createSitemapIndexHandler({ db, siteUrl, papersPerSitemap: PAPERS_PER_SITEMAP });
