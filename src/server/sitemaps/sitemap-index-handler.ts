import "server-only";
import type { Db } from "@/server/db";
import { cacheableResponse } from "@/server/http/cacheable";
import { handleErrors } from "@/server/http/errors";
import { PAGES_SITEMAP_PATH } from "@/server/sitemaps/pages-sitemap-handler";
import { listPaperRanges, paperRangeName } from "@/server/sitemaps/paper-ranges";
import { SITEMAP_CACHE_CONTROL, SITEMAP_CONTENT_TYPE, sitemapIndexXml } from "@/server/sitemaps/xml";

export interface SitemapIndexOptions {
  db: Db;
  siteUrl: string;
  papersPerSitemap: number;
}

/** GET /sitemap.xml: the sitemap of the site's lists, then one sitemap per range of papers. */
export function createSitemapIndexHandler({ db, siteUrl, papersPerSitemap }: SitemapIndexOptions) {
  return handleErrors(async (request: Request) => {
    const ranges = await listPaperRanges(db, papersPerSitemap);
    const sitemaps = [`${siteUrl}${PAGES_SITEMAP_PATH}`, ...ranges.map((range) => `${siteUrl}/sitemaps/papers/${paperRangeName(range)}`)];
    return cacheableResponse(request, sitemapIndexXml(sitemaps), SITEMAP_CONTENT_TYPE, SITEMAP_CACHE_CONTROL);
  });
}
