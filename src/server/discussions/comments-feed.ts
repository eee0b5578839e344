import "server-only";
import { shorten } from "@/lib/text";
import type { RecentComment } from "@/server/discussions/recent-comments";
import { escapeXml, rssDocument, type FeedMeta } from "@/server/feeds/render";

// A comment's item: "<author> on <paper title>", linking to the comment on the paper page, with
// the comment as text (its Markdown as written, never rendered: feed readers get no HTML from readers).
const ITEM_CHARACTERS = 2_000;

function commentUrl(siteUrl: string, comment: RecentComment): string {
  return new URL(`/papers/${comment.paperId}#comment-${comment.id}`, siteUrl).toString();
}

const itemTitle = (comment: RecentComment) => `${comment.author} on ${comment.paperTitle}`;
const itemText = (comment: RecentComment) => shorten(comment.body.replace(/\r\n?/g, "\n").trim(), ITEM_CHARACTERS);

/** RSS 2.0, one item a comment; every text node is escaped. */
export function renderCommentsRss(meta: FeedMeta, comments: RecentComment[], siteUrl: string): string {
  const items = comments.map((comment) => {
    const url = commentUrl(siteUrl, comment);
    return [
      "    <item>",
      `      <title>${escapeXml(itemTitle(comment))}</title>`,
      `      <link>${escapeXml(url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `      <pubDate>${comment.createdAt.toUTCString()}</pubDate>`,
      `      <description>${escapeXml(itemText(comment))}</description>`,
      `      <dc:creator>${escapeXml(comment.author)}</dc:creator>`,
      "    </item>",
    ].join("\n");
  });
  return rssDocument(meta, items);
}

/** JSON Feed 1.1, one item a comment. */
export function renderCommentsJsonFeed(meta: FeedMeta, comments: RecentComment[], siteUrl: string): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: meta.title,
    home_page_url: meta.pageUrl,
    feed_url: meta.feedUrl,
    description: meta.description,
    language: "en",
    items: comments.map((comment) => ({
      id: commentUrl(siteUrl, comment),
      url: commentUrl(siteUrl, comment),
      title: itemTitle(comment),
      content_text: itemText(comment),
      date_published: comment.createdAt.toISOString(),
      authors: [
        comment.authorHandle
          ? { name: comment.author, url: new URL(`/users/${comment.authorHandle}`, siteUrl).toString() }
          : { name: comment.author },
      ],
    })),
  });
}
