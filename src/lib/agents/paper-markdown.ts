// A paper as Markdown for agents (`/papers/<id>.md`): what its page shows, as text an agent can
// quote, with every imported or reader-written string escaped (src/lib/markdown/escape.ts).
import { categoryName } from "@/lib/arxiv-taxonomy";
import { countWithSources } from "@/lib/count-sources";
import { markdownLink, markdownQuote, markdownText } from "@/lib/markdown/escape";
import { countOf } from "@/lib/plural";
import { shorten, unwrapParagraphs } from "@/lib/text";

/** Physics papers can list a thousand authors; the page and the JSON keep them all. */
const MAX_AUTHORS = 50;
const MAX_KEYWORDS = 20;
const MAX_ABSTRACT = 10_000;
const MAX_SUMMARY = 2_000;
/** A comment can be 10,000 characters; a rendition quotes the start of each. */
export const MAX_QUOTED_COMMENT = 1_000;

export interface MarkdownPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  /** ISO timestamp of the arXiv publication. */
  publishedAt: string;
  /** `YYYY-MM-DD`. */
  feedDate: string;
  upstreamUpvotes: number;
  localUpvotes: number;
  upstreamComments: number;
  localComments: number;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  aiSummary: string | null;
  categories: string[];
  keywords: string[];
  organization: { name: string; fullName: string } | null;
}

export interface MarkdownComment {
  /** The handle, or the generated name of a reader without one. */
  author: string;
  /** ISO timestamp. */
  createdAt: string;
  /** Markdown as the reader wrote it: quoted as text. */
  body: string;
  /** It answers another comment (whose thread is on the page). */
  reply: boolean;
}

/** This site's address of a paper's page; old-style ids keep their slash, as the page's route does. */
export function paperPagePath(id: string): string {
  return `/papers/${id}`;
}

function authorsLine(authors: string[]): string[] {
  if (authors.length === 0) return [];
  const shown = authors.slice(0, MAX_AUTHORS).map(markdownText).join(", ");
  const more = authors.length > MAX_AUTHORS ? ` and ${countOf(authors.length - MAX_AUTHORS, "more", "more")}` : "";
  return [`**Authors (${authors.length}):** ${shown}${more}`];
}

function links(paper: MarkdownPaper, siteUrl: string): string[] {
  const stars = paper.githubStars !== null ? ` (${countOf(paper.githubStars, "star", "stars")})` : "";
  return [
    markdownLink("This paper on the site", `${siteUrl}${paperPagePath(paper.id)}`),
    markdownLink("arXiv abstract", `https://arxiv.org/abs/${paper.id}`),
    markdownLink("PDF", `https://arxiv.org/pdf/${paper.id}`),
    ...(paper.githubRepo ? [`${markdownLink("Code", paper.githubRepo)}${stars}`] : []),
    ...(paper.projectPage ? [markdownLink("Project page", paper.projectPage)] : []),
    markdownLink("JSON", `${siteUrl}/api/papers/${encodeURIComponent(paper.id)}`),
  ];
}

function details(paper: MarkdownPaper, siteUrl: string): string[] {
  const categories = paper.categories.map((id) => {
    const name = categoryName(id);
    return markdownText(name ? `${id} (${name})` : id);
  });
  const keywords = paper.keywords.slice(0, MAX_KEYWORDS).map(markdownText);
  return [
    `Published: ${paper.publishedAt.slice(0, 10)}`,
    `Feed day: ${markdownLink(paper.feedDate, `${siteUrl}/papers/date/${paper.feedDate}.md`)}`,
    ...(paper.organization
      ? [`Organization: ${markdownLink(paper.organization.fullName, `${siteUrl}/orgs/${encodeURIComponent(paper.organization.name)}`)}`]
      : []),
    ...(categories.length > 0 ? [`Categories: ${categories.join(", ")}`] : []),
    `Upvotes: ${countWithSources(paper.upstreamUpvotes, paper.localUpvotes, "upvote", "upvotes")}`,
    `Comments: ${countWithSources(paper.upstreamComments, paper.localComments, "comment", "comments")}`,
    ...(keywords.length > 0 ? [`Keywords: ${keywords.join(", ")}`] : []),
  ];
}

function commentsSection(paper: MarkdownPaper, comments: MarkdownComment[], siteUrl: string): string[] {
  if (paper.localComments === 0) return [];
  const discussion = markdownLink("the paper's page", `${siteUrl}${paperPagePath(paper.id)}#discussion`);
  const intro =
    comments.length < paper.localComments
      ? `The ${comments.length === 1 ? "newest" : `${comments.length} newest`} of ${countOf(paper.localComments, "comment", "comments")} on this site; all of them are on ${discussion}.`
      : `${countOf(paper.localComments, "comment", "comments")} on this site, newest first, also on ${discussion}.`;
  return [
    "## Comments",
    intro,
    ...comments.flatMap((comment) => [
      `**${markdownText(comment.author)}** ${comment.reply ? "replied" : "wrote"} on ${comment.createdAt.slice(0, 10)}:`,
      markdownQuote(comment.body, MAX_QUOTED_COMMENT),
    ]),
  ];
}

/** The Markdown rendition of a paper, with its newest comments (at most what the caller passes). */
export function paperMarkdown(paper: MarkdownPaper, comments: MarkdownComment[], siteUrl: string): string {
  const blocks = [
    `# ${markdownText(paper.title)}`,
    ...authorsLine(paper.authors),
    links(paper, siteUrl)
      .map((link) => `- ${link}`)
      .join("\n"),
    "## Details",
    details(paper, siteUrl)
      .map((line) => `- ${line}`)
      .join("\n"),
    ...(paper.aiSummary ? ["## AI summary", markdownText(shorten(paper.aiSummary, MAX_SUMMARY))] : []),
    "## Abstract",
    ...unwrapParagraphs(shorten(paper.abstract, MAX_ABSTRACT)).split("\n\n").filter(Boolean).map(markdownText),
    ...commentsSection(paper, comments, siteUrl),
  ];
  return `${blocks.join("\n\n")}\n`;
}
