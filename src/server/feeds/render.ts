import "server-only";
import { TAXONOMY_URL } from "@/lib/arxiv-taxonomy";
import type { PaperDto } from "@/server/papers/dto";

export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the page the feed mirrors. */
  pageUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
}

export type FeedFormat = "rss" | "json";

// Characters XML 1.0 forbids outright; imported text is untrusted and may contain them.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function paperUrl(siteUrl: string, paper: PaperDto): string {
  return new URL(`/papers/${paper.id}`, siteUrl).toString();
}

function itemDescription(paper: PaperDto): string {
  const authors = paper.authors.length > 3 ? `${paper.authors.slice(0, 3).join(", ")} et al.` : paper.authors.join(", ");
  return `${authors} · ${paper.upvotes} upvotes\n\n${paper.abstract}`;
}

/** RSS 2.0; every text node is escaped, so titles like `Let's <think>` stay literal text. */
export function renderRss(meta: FeedMeta, papers: PaperDto[], siteUrl: string): string {
  const items = papers.map((paper) => {
    const url = paperUrl(siteUrl, paper);
    return [
      "    <item>",
      `      <title>${escapeXml(paper.title)}</title>`,
      `      <link>${escapeXml(url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `      <pubDate>${new Date(paper.addedAt).toUTCString()}</pubDate>`,
      `      <description>${escapeXml(itemDescription(paper))}</description>`,
      ...paper.authors.slice(0, 20).map((author) => `      <dc:creator>${escapeXml(author)}</dc:creator>`),
      ...paper.categories.map((category) => `      <category domain="${TAXONOMY_URL}">${escapeXml(category)}</category>`),
      "    </item>",
    ].join("\n");
  });
  return rssDocument(meta, items);
}

/** An RSS 2.0 document around its `<item>`s (each already escaped), with the channel's title, links and language. */
export function rssDocument(meta: FeedMeta, items: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    <title>${escapeXml(meta.title)}</title>`,
    `    <link>${escapeXml(meta.pageUrl)}</link>`,
    `    <description>${escapeXml(meta.description)}</description>`,
    `    <atom:link href="${escapeXml(meta.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    "    <language>en</language>",
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function renderJsonFeed(meta: FeedMeta, papers: PaperDto[], siteUrl: string): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: meta.title,
    home_page_url: meta.pageUrl,
    feed_url: meta.feedUrl,
    description: meta.description,
    language: "en",
    items: papers.map((paper) => ({
      id: paperUrl(siteUrl, paper),
      url: paperUrl(siteUrl, paper),
      title: paper.title,
      content_text: itemDescription(paper),
      summary: paper.aiSummary ?? undefined,
      date_published: paper.addedAt,
      authors: paper.authors.slice(0, 20).map((name) => ({ name })),
      tags: [...paper.categories, ...paper.keywords],
      image: paper.thumbnailUrl ?? undefined,
      external_url: `https://arxiv.org/abs/${paper.id}`,
    })),
  });
}
