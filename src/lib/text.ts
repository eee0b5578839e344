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
