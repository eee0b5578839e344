// Imported titles, abstracts and names, and readers' comments, go into the Markdown renditions for
// agents as text: whatever they hold must not become a heading, link, image, HTML or code there.
import { collapseWhitespace, shorten } from "@/lib/text";

// What opens a construct anywhere in a line: backslash escapes, code spans, emphasis, links and
// images (and footnotes), HTML and autolinks, GFM tables and strikethrough, closing `#`s of a heading.
const INLINE = /[\\`*_[\]<|~#]/g;
// An entity reference (`&lt;`, `&#106;`) would turn into the character it names.
const ENTITY = /&(?=#?[a-z0-9]+;)/gi;
// What opens a block at the start of a line: a block quote, list item, thematic break or setext
// underline (`#` and the fences are escaped everywhere).
const LINE_START = /^([>+=-])/;
const ORDERED_ITEM = /^(\d{1,9})([.)])(?=\s|$)/;

function escapeLine(line: string): string {
  return line.trimStart().replace(INLINE, "\\$&").replace(ENTITY, "\\&").replace(LINE_START, "\\$1").replace(ORDERED_ITEM, "$1\\$2");
}

/** Text as one inert line of Markdown: whitespace collapsed, every Markdown construct escaped. */
export function markdownText(value: string): string {
  return escapeLine(collapseWhitespace(value));
}

/** An http(s) URL as a link destination (what could end it or escape in it encoded), or null for any other scheme or non-URL. */
export function markdownUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  return url.href.replace(/[()\\]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `[text](url)`, or the text alone when the URL is not an http(s) URL. */
export function markdownLink(text: string, url: string): string {
  const destination = markdownUrl(url);
  return destination ? `[${markdownText(text)}](${destination})` : markdownText(text);
}

/**
 * Text written by a reader, as a block quote of inert lines: at most `maxCharacters` (cut at a word
 * with an ellipsis), line breaks kept, blank lines squeezed to one.
 */
export function markdownQuote(value: string, maxCharacters: number): string {
  return shorten(value.replace(/\r\n?/g, "\n").trim(), maxCharacters)
    .split(/\n(?:[ \t]*\n)+/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => `> ${escapeLine(line.replace(/[ \t]+/g, " "))}`.trimEnd())
        .join("\n"),
    )
    .join("\n>\n");
}
