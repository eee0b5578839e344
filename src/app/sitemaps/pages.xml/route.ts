import { siteUrl } from "@/env";
import { db } from "@/server/db";
import { createPagesSitemapHandler } from "@/server/sitemaps/pages-sitemap-handler";

// Read from the database on each request (the responses carry their own cache headers): never
// prerendered at build time, when there is no database.
export const dynamic = "force-dynamic";

export const GET = createPagesSitemapHandler({ db, siteUrl });
