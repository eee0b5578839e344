/** One line, single spaces: titles arrive hard-wrapped ("Models and Efficient Algorithms\n  Through"). */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** Joins hard-wrapped lines into paragraphs while keeping blank-line paragraph breaks. */
export function unwrapParagraphs(value: string): string {
  return value
    .split(/\n\s*\n/)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph.length > 0)
    .join("\n\n");
}

/** Shortens to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function shorten(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

// NUL, and UTF-16 surrogates without their pair (which JSON's \u escapes can spell): PostgreSQL
// text cannot hold either.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether PostgreSQL can store this text as it is. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}
