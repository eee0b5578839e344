// The parts of the feed with pages of their own, beside the whole feed: an arXiv category
// (`/papers/category/cs.CL`) or archive (`/papers/category/cs`), and a Hugging Face keyword
// (`/papers/keyword/diffusion%20models`). Each has the main feed's views below its path: a day, week
// or month (`.../date/2026-06-10`), `.../trending`, `.../feed.xml` and `.../feed.json`.
import { z } from "zod";
import { categoryName, categorySchema } from "@/lib/arxiv-taxonomy";

export type PaperScope = { kind: "category"; value: string } | { kind: "keyword"; value: string };

/** Longer keywords are not looked up: Hugging Face's are a few words. */
export const KEYWORD_MAX = 100;

/** A keyword as its page's address spells it: matched exactly, as papers list it. */
export const keywordSchema = z
  .string()
  .min(1, "is empty")
  .max(KEYWORD_MAX, `is longer than ${KEYWORD_MAX} characters`)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "holds a control character");

/** Where a scope's views live: `/papers` for the whole feed, else `/papers/category/<id>` or `/papers/keyword/<keyword>`. */
export function scopeBasePath(scope: PaperScope | null): string {
  return scope ? `/papers/${scope.kind}/${encodeURIComponent(scope.value)}` : "/papers";
}

/** A category's page: `/papers/category/cs.CL`. */
export function categoryPath(category: string): string {
  return scopeBasePath({ kind: "category", value: category });
}

/** A keyword's page: `/papers/keyword/diffusion%20models`. */
export function keywordPath(keyword: string): string {
  return scopeBasePath({ kind: "keyword", value: keyword });
}

/** A heading for the scope: "Computation and Language (cs.CL)", "Papers on “diffusion models”". */
export function scopeTitle(scope: PaperScope): string {
  if (scope.kind === "keyword") return `Papers on “${scope.value}”`;
  const name = categoryName(scope.value);
  return name ? `${name} (${scope.value})` : scope.value;
}

/** The scope a page address names (its segment decoded), or null when arXiv has no such category or no keyword could be it. */
export function parseScope(kind: PaperScope["kind"], value: string): PaperScope | null {
  const schema = kind === "category" ? categorySchema : keywordSchema;
  return schema.safeParse(value).success ? { kind, value } : null;
}
