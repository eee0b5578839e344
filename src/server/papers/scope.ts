import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { categoriesUnder, isKnownCategory } from "@/lib/arxiv-taxonomy";
import type { PaperScope } from "@/lib/paper-scope";

/**
 * Which papers a scope holds, as a condition on "Paper" p (TRUE for the whole feed). Each is an
 * array test the GIN indexes on "categories" and "aiKeywords" answer: `@>` for one category or
 * keyword, `&&` with every category of an archive for an archive (`cs`: cs.AI, cs.CL, ...).
 */
export function scopeCondition(scope: PaperScope | null): Prisma.Sql {
  if (!scope) return Prisma.sql`TRUE`;
  if (scope.kind === "keyword") return Prisma.sql`p."aiKeywords" @> ARRAY[${scope.value}]::text[]`;
  const categories = isKnownCategory(scope.value) ? categoriesUnder(scope.value) : [scope.value];
  return categories.length === 1
    ? Prisma.sql`p."categories" @> ARRAY[${categories[0]}]::text[]`
    : Prisma.sql`p."categories" && ${categories}::text[]`;
}

/** The scope's part of a list's snapshot key: `category:cs.CL:`, empty for the whole feed. */
export function scopeListKey(scope: PaperScope | null): string {
  return scope ? `${scope.kind}:${scope.value}:` : "";
}

// Papers read in feed-day order before a scope's own index is asked instead: a category with at
// least one paper in this many finds its day here (any with a 0.1% share, over a day and a half).
const ORDERED_PROBE = 1000;

/**
 * The latest (`max`) or earliest (`min`) feed day of the scope's papers within `bound` (a condition
 * on "Paper" p), as an SQL expression. For max() with a filter PostgreSQL walks the feed-day index
 * until a row matches, which reads the whole table for a category with few papers that way, and
 * its statistics cannot tell a rare category from a common one that is absent there. So the walk
 * stops after ORDERED_PROBE papers, and only a scope with none among them, a rare one, is read
 * through its GIN index (`+ 0` keeps the planner from walking the feed-day index again).
 * PostgreSQL evaluates the second subquery only when the first finds nothing.
 */
export function scopeEdgeDay(edge: "max" | "min", bound: Prisma.Sql, scope: PaperScope | null): Prisma.Sql {
  const aggregate = Prisma.raw(edge);
  if (!scope) return Prisma.sql`(SELECT ${aggregate}(p."feedDate") FROM "Paper" p WHERE p."hiddenAt" IS NULL AND ${bound})`;
  const inScope = scopeCondition(scope);
  const direction = Prisma.raw(edge === "max" ? "DESC" : "ASC");
  return Prisma.sql`coalesce(
    (SELECT probe.day FROM (
      SELECT p."feedDate" AS day, ${inScope} AS hit FROM "Paper" p WHERE p."hiddenAt" IS NULL AND ${bound}
      ORDER BY p."feedDate" ${direction} LIMIT ${ORDERED_PROBE}
    ) probe WHERE probe.hit ORDER BY probe.day ${direction} LIMIT 1),
    (SELECT ${aggregate}(p."feedDate" + 0) FROM "Paper" p WHERE p."hiddenAt" IS NULL AND ${bound} AND ${inScope}))`;
}
