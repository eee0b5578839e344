import "server-only";
import { siteUrl } from "@/env";
import { renderJsonFeed, renderRss, type FeedFormat } from "@/server/feeds/render";
import { cacheableResponse } from "@/server/http/cacheable";
import type { PaperDto } from "@/server/papers/dto";

export interface FeedSpec {
  title: string;
  description: string;
  /** Site-relative path of the page the feed mirrors, e.g. `/papers/trending`. */
  pagePath: string;
}

/** Renders papers as RSS or JSON Feed with absolute links on the site's public URL. */
export function feedResponse(request: Request, format: FeedFormat, spec: FeedSpec, papers: PaperDto[]): Response {
  const requested = new URL(request.url);
  const meta = {
    title: spec.title,
    description: spec.description,
    pageUrl: new URL(spec.pagePath, siteUrl).toString(),
    feedUrl: new URL(`${requested.pathname}${requested.search}`, siteUrl).toString(),
  };
  return format === "rss"
    ? cacheableResponse(request, renderRss(meta, papers, siteUrl), "application/rss+xml; charset=utf-8")
    : cacheableResponse(request, renderJsonFeed(meta, papers, siteUrl), "application/feed+json; charset=utf-8");
}
