// A feed day as Markdown for agents (`/papers/date/<YYYY-MM-DD>.md`): its papers in trending order,
// each linking to its own rendition, with the neighbouring days.
import { paperPagePath } from "@/lib/agents/paper-markdown";
import { markdownLink, markdownText } from "@/lib/markdown/escape";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { countOf } from "@/lib/plural";
import { collapseWhitespace, shorten } from "@/lib/text";

/** The most a rendition lists: one page of the JSON API at its largest `limit`, which pages through the rest. */
export const DAY_MARKDOWN_PAPERS = 100;
const EXCERPT_CHARACTERS = 200;

export interface DayMarkdownPaper {
  id: string;
  title: string;
  abstract: string;
  upvotes: number;
  comments: number;
  organization: { fullName: string } | null;
}

export interface DayMarkdownInput {
  /** `YYYY-MM-DD`. */
  day: string;
  /** The first papers of the day in trending order (at most DAY_MARKDOWN_PAPERS). */
  papers: DayMarkdownPaper[];
  /** Papers the day has in all. */
  total: number;
  /** The nearest earlier and later days with papers. */
  previous: string | null;
  next: string | null;
  /** `YYYY-MM-DD`: a later day is one that has not happened yet. */
  today: string;
}

const dayLabel = (day: string) => periodLabel(parsePeriod("date", day)!);

/**
 * A paper as a numbered item (`index` from 0): its linked title, counts and the start of its
 * abstract, then `notes` (Markdown lines the caller escaped) as further lines of the item.
 */
export function paperItem(paper: DayMarkdownPaper, index: number, siteUrl: string, notes: string[] = []): string {
  const facts = [
    countOf(paper.upvotes, "upvote", "upvotes"),
    countOf(paper.comments, "comment", "comments"),
    ...(paper.organization ? [markdownText(paper.organization.fullName)] : []),
  ];
  // Continuation lines of the item: indented to its text, so they stay in the item.
  const indent = " ".repeat(`${index + 1}. `.length);
  return [
    `${index + 1}. ${markdownLink(paper.title, `${siteUrl}${paperPagePath(paper.id)}.md`)}`,
    `${indent}${facts.join(" · ")}`,
    `${indent}${markdownText(shorten(collapseWhitespace(paper.abstract), EXCERPT_CHARACTERS))}`,
    ...notes.map((note) => `${indent}${note}`),
  ].join("\n");
}

function summary(input: DayMarkdownInput, siteUrl: string): string {
  if (input.total === 0) {
    return input.day > input.today ? "This day has not happened yet: no papers so far." : "No papers were added to the feed on this day.";
  }
  const added = `${countOf(input.total, "paper was", "papers were")} added to the feed on ${input.day}`;
  if (input.total <= DAY_MARKDOWN_PAPERS) return `${added}, in trending order.`;
  const rest = markdownLink("the JSON API", `${siteUrl}/api/daily_papers?date=${input.day}&sort=trending&limit=${DAY_MARKDOWN_PAPERS}&p=1`);
  return `${added}; the first ${DAY_MARKDOWN_PAPERS} in trending order are listed here, and ${rest} pages through the rest.`;
}

/** The Markdown rendition of a feed day. */
export function dayMarkdown(input: DayMarkdownInput, siteUrl: string): string {
  const neighbours = [
    markdownLink("This day on the site", `${siteUrl}/papers/date/${input.day}`),
    markdownLink("This day as JSON", `${siteUrl}/api/daily_papers?date=${input.day}&sort=trending&limit=${DAY_MARKDOWN_PAPERS}`),
    ...(input.previous ? [markdownLink(`Previous day: ${dayLabel(input.previous)}`, `${siteUrl}/papers/date/${input.previous}.md`)] : []),
    ...(input.next ? [markdownLink(`Next day: ${dayLabel(input.next)}`, `${siteUrl}/papers/date/${input.next}.md`)] : []),
  ];
  const blocks = [
    `# Papers of ${dayLabel(input.day)}`,
    summary(input, siteUrl),
    neighbours.map((link) => `- ${link}`).join("\n"),
    ...(input.papers.length > 0 ? ["## Papers", input.papers.map((paper, index) => paperItem(paper, index, siteUrl)).join("\n")] : []),
  ];
  return `${blocks.join("\n\n")}\n`;
}
