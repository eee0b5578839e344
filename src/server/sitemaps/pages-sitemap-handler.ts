import "server-only";
import { cacheableResponse } from "@/server/http/cacheable";
import { SITEMAP_CACHE_CONTROL, SITEMAP_CONTENT_TYPE, urlSetXml } from "@/server/sitemaps/xml";

export const PAGES_SITEMAP_PATH = "/sitemaps/pages.xml";

// The lists a crawler starts from; days, weeks and months are linked from them, papers from the
// paper sitemaps.
const PAGES = ["/", "/papers/trending", "/about/ranking"];

/** GET /sitemaps/pages.xml: the site's own pages, beside the papers. */
export function createPagesSitemapHandler(siteUrl: string) {
  return (request: Request) =>
    cacheableResponse(request, urlSetXml(PAGES.map((path) => ({ loc: `${siteUrl}${path}` }))), SITEMAP_CONTENT_TYPE, SITEMAP_CACHE_CONTROL);
}
