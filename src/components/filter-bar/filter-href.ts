// The address the filter bar goes to, built in the browser from what the reader chose. It spells a
// filter exactly as `withFilter` in @/lib/list-filter does (the other parameters first, then `cat`
// and `not` sorted without repeats, `code=1`, `min`), so equal filters give equal, shared cache
// entries; that module is not imported here because its parser would bring zod into every list's
// client bundle. tests/unit/filter-bar-href.test.ts keeps the two in step.
import type { ListFilter } from "@/lib/list-filter";

/**
 * Said in the address of an empty filter where a saved default would otherwise apply (the main
 * feed of a reader who saved one): `code=0` asks for any paper, so the list shows them all.
 */
export const SHOW_ALL_PARAM: readonly [string, string] = ["code", "0"];

const unique = (values: readonly string[]) => [...new Set(values)].sort();

/** `path` with the other parameters (empty ones left out) and the filter; `showAll` marks an empty filter as chosen. */
export function filterHref(
  path: string,
  filter: ListFilter,
  keep: Record<string, string | null | undefined> = {},
  showAll = false,
): string {
  const search = new URLSearchParams(Object.entries(keep).filter((entry): entry is [string, string] => Boolean(entry[1])));
  for (const category of unique(filter.include)) search.append("cat", category);
  for (const category of unique(filter.exclude)) search.append("not", category);
  if (filter.hasCode) search.append("code", "1");
  if (filter.minUpvotes > 0) search.append("min", String(filter.minUpvotes));
  const empty = filter.include.length === 0 && filter.exclude.length === 0 && !filter.hasCode && !(filter.minUpvotes > 0);
  if (showAll && empty) search.append(...SHOW_ALL_PARAM);
  return search.size > 0 ? `${path}?${search}` : path;
}
