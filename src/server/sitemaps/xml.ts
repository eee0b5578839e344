import "server-only";
import { escapeXml } from "@/server/feeds/render";

// The sitemaps.org protocol (https://www.sitemaps.org/protocol.html).

const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** The protocol's limit of URLs in one sitemap. */
export const SITEMAP_MAX_URLS = 50_000;

export const SITEMAP_CONTENT_TYPE = "application/xml; charset=utf-8";

/**
 * Crawlers fetch sitemaps now and then, and a sitemap changes when a day's papers arrive: an hour
 * in any cache is fresh enough, and a day stale while refetching.
 */
export const SITEMAP_CACHE_CONTROL = "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400";

export interface SitemapUrl {
  loc: string;
  /** When the page last changed, as an ISO 8601 date or time. */
  lastmod?: string;
}

export function sitemapIndexXml(sitemapUrls: readonly string[]): string {
  const entries = sitemapUrls.map((url) => `<sitemap><loc>${escapeXml(url)}</loc></sitemap>`);
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<sitemapindex xmlns="${NAMESPACE}">`, ...entries, `</sitemapindex>`, ""].join("\n");
}

export function urlSetXml(urls: readonly SitemapUrl[]): string {
  const entries = urls.map(
    ({ loc, lastmod }) => `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ""}</url>`,
  );
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<urlset xmlns="${NAMESPACE}">`, ...entries, `</urlset>`, ""].join("\n");
}
