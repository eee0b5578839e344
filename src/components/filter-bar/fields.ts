// The filter bar's element ids, shared by its server-rendered markup and its client parts (a
// "use client" module's constants would reach a server component as references, not strings).
// There is one bar a page.
export const FILTER_IDS = {
  include: "filter-include",
  exclude: "filter-exclude",
  minUpvotes: "filter-min-upvotes",
  categoryHint: "filter-category-hint",
  categories: "filter-categories",
} as const;

/** A field of the bar that can be wrong, named as its query parameter. */
export type FilterField = "cat" | "not" | "min";

export const FIELD_IDS: Record<FilterField, string> = { cat: FILTER_IDS.include, not: FILTER_IDS.exclude, min: FILTER_IDS.minUpvotes };

/** How a chip's removal reads: "Remove cs.CV from excluded". */
export const LIST_WORDS: Record<"cat" | "not", string> = { cat: "included", not: "excluded" };
