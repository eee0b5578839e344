// What a channel post says, before any service's format: a heading and a list of papers. Titles
// and summaries come from arXiv, Hugging Face and readers, so every format escapes them as text.

export interface ChannelPaper {
  id: string;
  title: string;
  /** The paper's page on this instance. */
  url: string;
  upvotes: number;
  organization: string | null;
  /** A line under the title (the reason, a comment's excerpt); optional. */
  note?: string;
  /** Matrix: the event id of the thread this paper's lines join (comments under the post that listed it). */
  threadRoot?: string | null;
}

export interface ChannelPost {
  heading: string;
  /** A link for the heading (the day's page). */
  url: string;
  /** A line under the heading in the first message (a session's presenter and room); optional. */
  details?: string;
  papers: ChannelPaper[];
}

/** Shortens to `max` UTF-16 units at a code point boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Do not split a surrogate pair.
  if (end > 0 && /[\ud800-\udbff]/.test(text[end - 1]!)) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** One line: no newlines or runs of whitespace from a title. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
