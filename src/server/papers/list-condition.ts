import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { categoriesUnder, isKnownCategory } from "@/lib/arxiv-taxonomy";
import { filterKey, isFiltered, type ListFilter } from "@/lib/list-filter";
import type { PaperScope } from "@/lib/paper-scope";
import { scopeCondition, scopeListKey } from "@/server/papers/scope";

// Which papers a list shows beyond its own bounds (a day, an organization): the scope of its page
// (a category or keyword) and the reader's filter (src/lib/list-filter.ts), as one condition on
// "Paper" p and one key, so every list applies them the same way.

export interface ListSelection {
  scope?: PaperScope | null;
  filter?: ListFilter | null;
}

/** Each category as stored on papers: an archive stands for itself and all its categories. */
function expandCategories(categories: readonly string[]): string[] {
  return [...new Set(categories.flatMap((category) => (isKnownCategory(category) ? categoriesUnder(category) : [category])))];
}

/**
 * The filter as a condition on "Paper" p (TRUE when unfiltered). Categories are `&&` tests the GIN
 * index on "categories" answers; the rest are read from the rows the list's bounds already chose.
 */
export function filterCondition(filter: ListFilter | null | undefined): Prisma.Sql {
  if (!filter || !isFiltered(filter)) return Prisma.sql`TRUE`;
  const parts: Prisma.Sql[] = [];
  if (filter.include.length > 0) parts.push(Prisma.sql`p."categories" && ${expandCategories(filter.include)}::text[]`);
  if (filter.exclude.length > 0) parts.push(Prisma.sql`NOT (p."categories" && ${expandCategories(filter.exclude)}::text[])`);
  if (filter.hasCode) parts.push(Prisma.sql`(p."githubRepo" IS NOT NULL OR p."projectPage" IS NOT NULL)`);
  if (filter.minUpvotes > 0) parts.push(Prisma.sql`(p."upstreamUpvotes" + p."localUpvotes") >= ${filter.minUpvotes}`);
  return Prisma.join(parts, " AND ");
}

/** The scope's and the filter's condition together, or null when the list has neither (the whole feed). */
export function selectionCondition({ scope, filter }: ListSelection): Prisma.Sql | null {
  const filtered = filter && isFiltered(filter);
  if (!scope && !filtered) return null;
  if (!filtered) return scopeCondition(scope ?? null);
  if (!scope) return filterCondition(filter);
  return Prisma.sql`${scopeCondition(scope)} AND ${filterCondition(filter)}`;
}

/** The selection's condition to AND into a list's bounds: TRUE for the whole feed. */
export function selectionWhere(selection: ListSelection): Prisma.Sql {
  return selectionCondition(selection) ?? Prisma.sql`TRUE`;
}

/**
 * The same, tested on the rows a period's bounds read rather than through the categories' GIN index
 * (`IS TRUE` is not an operator the index answers). For a common category the planner ANDs the
 * feed-day range with a bitmap of every paper in the category (300k for cs.CL at a million papers),
 * 125-175 ms whatever the period; reading the period's rows costs a day's 700 papers or a month's
 * 20k instead. A keyword is rare, so its index stays the way in.
 */
export function selectionWhereInBounds(selection: ListSelection): Prisma.Sql {
  const condition = selectionCondition(selection);
  if (!condition) return Prisma.sql`TRUE`;
  return selection.scope?.kind === "keyword" ? condition : Prisma.sql`(${condition}) IS TRUE`;
}

/** The selection's part of a list's snapshot key: `category:cs.CL:` plus `[not=cs.CV;code]`, empty for the whole feed. */
export function selectionKey({ scope, filter }: ListSelection): string {
  const filtered = filter && isFiltered(filter) ? `[${filterKey(filter)}]` : "";
  return `${scopeListKey(scope ?? null)}${filtered}`;
}

// Papers read in feed-day order before the selection's own index is asked instead: a category (or
// filter) with at least one paper in this many finds its day here (any with a 0.1% share, over a
// day and a half).
const ORDERED_PROBE = 1000;
// How far a selection with no index of its own (`min`, `code`, `not` alone) is looked for: about a
// month of a busy instance's papers. Past it, the list says there is no earlier (or later) period.
const UNINDEXED_PROBE = 20_000;

/** The newest (DESC) or oldest (ASC) feed day among the first `limit` papers within `bound` in that order that are in the selection. */
function probedDay(direction: Prisma.Sql, bound: Prisma.Sql, inSelection: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`(SELECT probe.day FROM (
      SELECT p."feedDate" AS day, ${inSelection} AS hit FROM "Paper" p WHERE p."hiddenAt" IS NULL AND ${bound}
      ORDER BY p."feedDate" ${direction} LIMIT ${limit}
    ) probe WHERE probe.hit ORDER BY probe.day ${direction} LIMIT 1)`;
}

/**
 * The latest (`max`) or earliest (`min`) feed day of the selection's papers within `bound` (a
 * condition on "Paper" p), as an SQL expression. For max() with a filter PostgreSQL walks the
 * feed-day index until a row matches, which reads the whole table for a category with few papers
 * that way, and its statistics cannot tell a rare category from a common one that is absent there.
 * So the walk stops after ORDERED_PROBE papers, and only a selection with none among them, a rare
 * one, is read through its GIN index (`+ 0` keeps the planner from walking the feed-day index
 * again); PostgreSQL evaluates the second subquery only when the first finds nothing. A filter with
 * no category of its own (`min`, `code`, `not`) has no index to ask: it is looked for among the
 * nearest UNINDEXED_PROBE papers only, as a `min` no paper reaches would otherwise read the whole
 * table for each neighbour (1-1.7 s at a million papers, bench/RESULTS.md).
 */
export function selectionEdgeDay(edge: "max" | "min", bound: Prisma.Sql, selection: ListSelection): Prisma.Sql {
  const aggregate = Prisma.raw(edge);
  const inSelection = selectionCondition(selection);
  if (!inSelection) return Prisma.sql`(SELECT ${aggregate}(p."feedDate") FROM "Paper" p WHERE p."hiddenAt" IS NULL AND ${bound})`;
  const direction = Prisma.raw(edge === "max" ? "DESC" : "ASC");
  const indexed = Boolean(selection.scope) || (selection.filter?.include.length ?? 0) > 0;
  if (!indexed) return probedDay(direction, bound, inSelection, UNINDEXED_PROBE);
  return Prisma.sql`coalesce(
    ${probedDay(direction, bound, inSelection, ORDERED_PROBE)},
    (SELECT ${aggregate}(p."feedDate" + 0) FROM "Paper" p WHERE p."hiddenAt" IS NULL AND ${bound} AND ${inSelection}))`;
}
