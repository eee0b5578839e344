import "server-only";
import { siteUrl } from "@/env";
import { describeFilter, isFiltered, withFilter, type ListFilter } from "@/lib/list-filter";
import { renderJsonFeed, renderRss, type FeedFormat } from "@/server/feeds/render";
import { cacheableResponse } from "@/server/http/cacheable";
import type { PaperDto } from "@/server/papers/dto";

export interface FeedSpec {
  title: string;
  description: string;
  /** Site-relative path of the page the feed mirrors, e.g. `/papers/trending`. */
  pagePath: string;
}

/** The feed of a filtered list: its filter in the title and on the page link. */
export function filteredSpec(spec: FeedSpec, filter: ListFilter): FeedSpec {
  if (!isFiltered(filter)) return spec;
  return { ...spec, title: `${spec.title} (${describeFilter(filter)})`, pagePath: withFilter(spec.pagePath, filter) };
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
