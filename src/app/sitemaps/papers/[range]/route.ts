import { siteUrl } from "@/env";
import { db } from "@/server/db";
import { createPaperSitemapHandler } from "@/server/sitemaps/paper-sitemap-handler";

export const GET = createPaperSitemapHandler({ db, siteUrl });
