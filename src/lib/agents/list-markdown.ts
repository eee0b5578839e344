// A page of a paper list as Markdown for agents (the MCP server's answers: a search, a period,
// trending, similar papers, a reader's library and for-you): the items of a day's rendition, with
// where the page sits in the list and how to ask for the next one, and a cap on the whole answer.
import { paperItem, type DayMarkdownPaper } from "@/lib/agents/day-markdown";
import { markdownLink, markdownText } from "@/lib/markdown/escape";
import { countOf } from "@/lib/plural";

/** Papers a page lists. */
export const LIST_PAGE_SIZE = 20;
/** Pages a list can be asked for: 20,000 papers, past which an agent should narrow the list with filters. */
export const MAX_LIST_PAGE = 1_000;
/**
 * The most characters one answer holds (about 8,000 tokens): a page of 20 papers takes a quarter of
 * it, a paper with its abstract, summary and comments rarely half; only hostile text goes past it.
 */
export const MAX_ANSWER_CHARACTERS = 30_000;

/** One page (from 1) of a short list held whole, such as similar papers or for-you. */
export function pageSlice<T>(items: T[], page: number): T[] {
  return items.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE);
}

export interface ListMarkdownPaper extends DayMarkdownPaper {
  /** `YYYY-MM-DD`. */
  feedDate: string;
}

export interface ListMarkdownItem {
  paper: ListMarkdownPaper;
  /** Plain text shown under the paper (a library note, why it is recommended); escaped here. */
  notes?: string[];
}

export interface ListMarkdownInput {
  /** Plain text; escaped here. */
  title: string;
  /** Plain text sentences about the list; escaped here. */
  intro: string;
  /** The list's page on the site, linked under the intro. */
  pageUrl: string;
  /** What the page says when the whole list is empty. */
  empty: string;
  items: ListMarkdownItem[];
  /** 1-based. */
  page: number;
  /** Papers in the whole list, or null when only `hasMore` is known. */
  total: number | null;
  /** A later page has papers. */
  hasMore: boolean;
  /** The tool that pages through the list, named in the next-page hint. */
  tool: string;
}

function itemNotes(item: ListMarkdownItem): string[] {
  return [markdownText(`arXiv ${item.paper.id} · added ${item.paper.feedDate}`), ...(item.notes ?? []).map(markdownText)];
}

/** Where the page sits in the list and what to call for the next one. */
function position(input: ListMarkdownInput): string {
  const first = (input.page - 1) * LIST_PAGE_SIZE + 1;
  const pages = input.total === null ? null : Math.max(1, Math.ceil(input.total / LIST_PAGE_SIZE));
  if (input.items.length === 0)
    return pages === null
      ? `Page ${input.page} is past the end of the list.`
      : `Page ${input.page} is past the end of the list: it has ${countOf(input.total!, "paper", "papers")} on ${countOf(pages, "page", "pages")}.`;
  const last = first + input.items.length - 1;
  const range = first === last ? `Paper ${first}` : `Papers ${first}–${last}`;
  const where = input.total === null ? `${range}, page ${input.page}.` : `${range} of ${input.total}, page ${input.page} of ${pages}.`;
  const next = input.hasMore
    ? ` Next page: call \`${input.tool}\` again with the same arguments and \`page: ${input.page + 1}\`.`
    : " This is the last page.";
  return `${where}${next}`;
}

/** One page of a list as Markdown: title, intro, where the page is, the papers numbered from their place in the list. */
export function listMarkdown(input: ListMarkdownInput, siteUrl: string): string {
  const offset = (input.page - 1) * LIST_PAGE_SIZE;
  const head = [`# ${markdownText(input.title)}`, markdownText(input.intro), `- ${markdownLink("This list on the site", input.pageUrl)}`];
  const body =
    input.total === 0 || (input.page === 1 && input.items.length === 0)
      ? [markdownText(input.empty)]
      : [
          position(input),
          ...(input.items.length > 0
            ? [input.items.map((item, index) => paperItem(item.paper, offset + index, siteUrl, itemNotes(item))).join("\n")]
            : []),
        ];
  return `${[...head, ...body].join("\n\n")}\n`;
}

/**
 * Markdown cut to at most MAX_ANSWER_CHARACTERS at a line break, saying so and where the whole
 * text is; unchanged when it fits.
 */
export function capMarkdown(markdown: string, wholeTextUrl: string | null): string {
  if (markdown.length <= MAX_ANSWER_CHARACTERS) return markdown;
  const where = wholeTextUrl ? ` The whole text: ${wholeTextUrl}` : "";
  const note = `\n\n(Cut at ${MAX_ANSWER_CHARACTERS.toLocaleString("en")} characters.${where})\n`;
  const room = markdown.slice(0, MAX_ANSWER_CHARACTERS - note.length);
  const lineEnd = room.lastIndexOf("\n");
  return `${lineEnd > 0 ? room.slice(0, lineEnd) : room}${note}`;
}
