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
