import { siteUrl } from "@/env";
import { db } from "@/server/db";
import { PAPERS_PER_SITEMAP } from "@/server/sitemaps/paper-ranges";
import { createSitemapIndexHandler } from "@/server/sitemaps/sitemap-index-handler";

// Read from the database on each request (the responses carry their own cache headers): never
// prerendered at build time, when there is no database.
export const dynamic = "force-dynamic";

export const GET = createSitemapIndexHandler({ db, siteUrl, papersPerSitemap: PAPERS_PER_SITEMAP });
