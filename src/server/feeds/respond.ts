import "server-only";
import { env } from "@/env";
import { renderJsonFeed, renderRss, type FeedFormat } from "@/server/feeds/render";
import { cacheableResponse } from "@/server/http/cacheable";
import type { PaperDto } from "@/server/papers/dto";

export interface FeedSpec {
  title: string;
  description: string;
  /** Site-relative path of the page the feed mirrors, e.g. `/papers/trending`. */
  pagePath: string;
}

/** Renders papers as RSS or JSON Feed with absolute links on this site's public origin. */
export function feedResponse(request: Request, format: FeedFormat, spec: FeedSpec, papers: PaperDto[]): Response {
  const origin = env.NEXTAUTH_URL;
  const requested = new URL(request.url);
  const meta = {
    title: spec.title,
    description: spec.description,
    pageUrl: new URL(spec.pagePath, origin).toString(),
    feedUrl: new URL(`${requested.pathname}${requested.search}`, origin).toString(),
  };
  return format === "rss"
    ? cacheableResponse(request, renderRss(meta, papers, origin), "application/rss+xml; charset=utf-8")
    : cacheableResponse(request, renderJsonFeed(meta, papers, origin), "application/feed+json; charset=utf-8");
}
