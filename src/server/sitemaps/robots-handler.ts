import "server-only";
import { cacheableResponse } from "@/server/http/cacheable";
import { SITEMAP_CACHE_CONTROL } from "@/server/sitemaps/xml";

// Crawlers are welcome to papers and lists, which the sitemaps name. Everything else would cost a
// render per address and add nothing to an index: search (a page per query), sorts, cursors and
// comment pages (the same papers again), the API, and pages of one reader or one token. Google
// and Bing read `*` in a rule as any text, so `/*?*cursor=` is a cursor anywhere in a query.
const RULES = [
  "User-agent: *",
  "Allow: /",
  "Disallow: /papers?",
  "Disallow: /papers/search/",
  "Disallow: /papers/date?",
  "Disallow: /papers/for-you",
  // "More like this" ranks a paper's neighbours when it has no stored list yet: for readers, not crawlers.
  "Disallow: /papers/similar/",
  "Disallow: /*?*sort=",
  "Disallow: /*?*cursor=",
  "Disallow: /*?*cpage=",
  "Disallow: /*?*comments=",
  "Disallow: /api/",
  "Disallow: /admin",
  "Disallow: /auth/",
  "Disallow: /me",
  "Disallow: /dev/",
  "Disallow: /submit",
  "Disallow: /subscribe/confirm",
  "Disallow: /preferences/",
  "Disallow: /unsubscribe/",
  "Disallow: /notifications/",
];

export function robotsTxt(siteUrl: string): string {
  return [
    "# Daily Papers: papers and lists are for everyone; search, filters, the API and accounts are not for crawling.",
    ...RULES,
    "",
    `Sitemap: ${siteUrl}/sitemap.xml`,
    "",
  ].join("\n");
}

/** GET /robots.txt: generated, because the sitemap's address must be absolute. */
export function createRobotsHandler(siteUrl: string) {
  return (request: Request) => cacheableResponse(request, robotsTxt(siteUrl), "text/plain; charset=utf-8", SITEMAP_CACHE_CONTROL);
}
