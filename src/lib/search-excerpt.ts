// A search hit's abstract excerpt, cut from the whole abstract with its matches marked
// (ts_headline with HighlightAll): it starts where the sentence holding the first match starts, so
// a reader meets the match in context, not after half a clause. Pure, so it is unit-tested.
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/highlight-markers";

/** Characters of abstract an excerpt shows: about three lines of a card. */
export const EXCERPT_LENGTH = 300;
// A sentence starting further back than this before its first match would push the match out of
// sight on a phone, so the excerpt starts at a word closer to it instead.
const MAX_SENTENCE_LEAD = 120;
// How much comes before the match when the sentence is cut.
const WORD_LEAD = 60;
const ELLIPSIS = "…";

// A sentence ends at . ! or ? (and a closing quote or bracket) before a space and a capital, a
// digit or an opening mark; the next one starts after the space.
const SENTENCE_END = new RegExp(`[.!?]["'”’)\\]]*\\s+(?=${HIGHLIGHT_START}?[\\p{Lu}\\p{N}"'“‘(\\[$\\\\])`, "gu");
// A full stop after these does not end a sentence ("e.g. Transformers", "Smith et al. Show").
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|et al|etc|vs|cf|resp|approx|Fig|Figs|Eq|Eqs|Sec|Ref|No|Dr|Prof)\.$/i;

/** Where the sentence holding `position` starts: after the last sentence end before it, or 0. */
function sentenceStart(text: string, position: number): number {
  let start = 0;
  for (const end of text.matchAll(SENTENCE_END)) {
    const next = end.index + end[0].length;
    if (next > position) break;
    if (!ABBREVIATION.test(text.slice(0, end.index + 1))) start = next;
  }
  return start;
}

/** The start of the word holding `position`: just after the whitespace before it, or 0. */
function wordStart(text: string, position: number): number {
  const space = text.slice(0, position).search(/\s\S*$/);
  return space === -1 ? 0 : space + 1;
}

/** Where the excerpt starts, and whether text before it was left out mid-sentence. */
function excerptStart(text: string): { start: number; cut: boolean } {
  const match = text.indexOf(HIGHLIGHT_START);
  if (match === -1) return { start: 0, cut: false };
  const sentence = sentenceStart(text, match);
  if (match - sentence <= MAX_SENTENCE_LEAD) return { start: sentence, cut: false };
  // The first word starting in the lead, else the word the match is part of ("state-⟨space⟩").
  const lead = text.slice(match - WORD_LEAD, match).search(/\s\S/);
  const start = lead === -1 ? wordStart(text, match) : match - WORD_LEAD + lead + 1;
  return { start, cut: true };
}

/** `text` from `start`, ended at a word boundary within `length` characters. */
function cutAtWord(text: string, length: number): { excerpt: string; cut: boolean } {
  if (text.length <= length) return { excerpt: text, cut: false };
  const lastSpace = text.slice(0, length + 1).search(/\s\S*$/);
  // One word longer than the excerpt (a URL, a formula) is kept whole rather than split.
  const end = lastSpace > 0 ? lastSpace : text.search(/\s|$/);
  return { excerpt: text.slice(0, end).trimEnd(), cut: end < text.length };
}

/** A marked-up cut never leaves a match open: the card renders marks from pairs of markers. */
function closeMarks(excerpt: string): string {
  const open = excerpt.lastIndexOf(HIGHLIGHT_START) > excerpt.lastIndexOf(HIGHLIGHT_END);
  return open ? `${excerpt}${HIGHLIGHT_END}` : excerpt;
}

/**
 * About EXCERPT_LENGTH characters of `marked` (an abstract, matches wrapped in HIGHLIGHT_START/END),
 * starting at the start of the sentence holding the first match, or at a word shortly before the
 * match (with a leading "…") when that sentence starts far back, and ending at a word (with "…"
 * when text follows). Never starts or ends mid-word. No match: the abstract's beginning.
 */
export function excerptAroundFirstMatch(marked: string, length = EXCERPT_LENGTH): string {
  const text = marked.replace(/\s+/g, " ").trim();
  const { start, cut: cutBefore } = excerptStart(text);
  const { excerpt, cut: cutAfter } = cutAtWord(text.slice(start), length);
  return `${cutBefore ? ELLIPSIS : ""}${closeMarks(excerpt)}${cutAfter ? ELLIPSIS : ""}`;
}
