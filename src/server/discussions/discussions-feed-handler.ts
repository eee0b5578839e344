import "server-only";
import type { Db } from "@/server/db";
import { renderCommentsJsonFeed, renderCommentsRss } from "@/server/discussions/comments-feed";
import { listRecentComments } from "@/server/discussions/recent-comments";
import type { FeedFormat } from "@/server/feeds/render";
import { cacheableResponse } from "@/server/http/cacheable";
import { handleErrors } from "@/server/http/errors";

export interface DiscussionsFeedDeps {
  db: Db;
  /** The site's public URL, the base of every link. */
  siteUrl: string;
}

/** GET /discussions/feed.xml|json: the newest live comments site-wide, one item each. Public, the same for everyone. */
export function createDiscussionsFeedHandler(format: FeedFormat, { db, siteUrl }: DiscussionsFeedDeps) {
  return handleErrors(async (request: Request) => {
    const meta = {
      title: "Discussions · Daily Papers",
      description: "The newest comments on papers",
      pageUrl: new URL("/discussions", siteUrl).toString(),
      feedUrl: new URL(`/discussions/feed.${format === "rss" ? "xml" : "json"}`, siteUrl).toString(),
    };
    const comments = await listRecentComments(db);
    return format === "rss"
      ? cacheableResponse(request, renderCommentsRss(meta, comments, siteUrl), "application/rss+xml; charset=utf-8")
      : cacheableResponse(request, renderCommentsJsonFeed(meta, comments, siteUrl), "application/feed+json; charset=utf-8");
  });
}
