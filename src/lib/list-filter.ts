// The filters every list takes in its URL: `cat=` (only papers in these arXiv categories or
// archives, repeatable), `not=` (none in these, repeatable), `code=1` (a GitHub repository or
// project page is known) and `min=N` (at least N upvotes). Pages, feeds and the API read the same
// names with the same rules, and a bad value is refused naming its parameter. Pure: the edge checks
// them before a page renders, the pages and route handlers parse them, the filter bar writes them.
import { z } from "zod";
import { isKnownCategory, TAXONOMY_URL } from "@/lib/arxiv-taxonomy";

export interface ListFilter {
  /** Categories or archives a paper must have one of (none: any). Sorted, without repeats. */
  include: string[];
  /** Categories or archives a paper must have none of. Sorted, without repeats. */
  exclude: string[];
  /** Only papers with a known GitHub repository or project page. */
  hasCode: boolean;
  /** Only papers with at least this many upvotes (0: any). */
  minUpvotes: number;
}

export const NO_FILTER: ListFilter = Object.freeze({ include: [], exclude: [], hasCode: false, minUpvotes: 0 }) as ListFilter;

/** The query parameters of a filter; `cat` and `not` may repeat, `code` and `min` are read once. */
export const FILTER_PARAMS = ["cat", "not", "code", "min"] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export const REPEATABLE_FILTER_PARAMS: readonly FilterParam[] = ["cat", "not"];

/** More categories than a reader would pick, few enough that no request is made expensive by them. */
export const MAX_FILTER_CATEGORIES = 20;
export const MAX_MIN_UPVOTES = 1_000_000;
// A hostile value is not echoed whole.
const ECHOED_LENGTH = 40;

function shown(value: string): string {
  const visible = value.replace(/[\u0000-\u001f\u007f]/g, "�");
  return visible.length > ECHOED_LENGTH ? `${visible.slice(0, ECHOED_LENGTH)}…` : visible;
}

const categoryList = z
  .array(z.string())
  .max(MAX_FILTER_CATEGORIES, `give at most ${MAX_FILTER_CATEGORIES} categories`)
  .superRefine((values, ctx) => {
    const unknown = values.find((value) => !isKnownCategory(value));
    if (unknown !== undefined)
      ctx.addIssue({
        code: "custom",
        message: `'${shown(unknown)}' is not an arXiv category or archive (like cs.CL or math); see ${TAXONOMY_URL}`,
      });
  })
  .transform((values) => [...new Set(values)].sort());

/** The filter's query parameters one by one, as read (and as /api/openapi.json describes them). */
export const listFilterParamsSchema = z.object({
  cat: categoryList.default([]).meta({
    description: `Only papers in one of these arXiv categories or archives (\`cs.CL\`, \`math\`); repeat it for several, up to ${MAX_FILTER_CATEGORIES}.`,
    examples: [["cs.CL"]],
  }),
  not: categoryList
    .default([])
    .meta({ description: "No papers in any of these arXiv categories or archives; repeatable like `cat`.", examples: [["cs.CV"]] }),
  code: z
    .enum(["1", "0"], { error: "must be 1 (only papers with code) or 0 (any)" })
    .optional()
    .transform((value) => value === "1")
    .meta({ description: "`1`: only papers with a known GitHub repository or project page." }),
  min: z
    .string()
    .regex(/^\d{1,7}$/, `must be a whole number of upvotes from 0 to ${MAX_MIN_UPVOTES.toLocaleString("en")}`)
    .transform(Number)
    .refine((value) => value <= MAX_MIN_UPVOTES, `must be a whole number of upvotes from 0 to ${MAX_MIN_UPVOTES.toLocaleString("en")}`)
    .optional()
    .meta({ description: `Only papers with at least this many upvotes, 0 to ${MAX_MIN_UPVOTES.toLocaleString("en")}.` }),
});

const filterSchema = listFilterParamsSchema
  .superRefine((params, ctx) => {
    const both = params.not.find((category) => params.cat.includes(category));
    if (both) ctx.addIssue({ code: "custom", path: ["not"], message: `'${both}' is also asked for in cat; leave it out of one` });
  })
  .transform((params): ListFilter => ({ include: params.cat, exclude: params.not, hasCode: params.code, minUpvotes: params.min ?? 0 }));

/** Query parameters as a page gets them (Next.js's searchParams) or as a route handler does. */
export type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

// A plain GET form sends its empty fields (`cat=&min=`): an empty value asks for nothing.
function allValues(query: QueryInput, name: string): string[] {
  const value = query instanceof URLSearchParams ? query.getAll(name) : query[name];
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return values.filter((text) => text !== "");
}

export interface FilterError {
  /** The query parameter at fault: `cat`, `not`, `code` or `min`. */
  param: FilterParam;
  /** What is wrong, starting with the parameter: `cat: 'cs.XX' is not an arXiv category…`. */
  message: string;
}

export type FilterResult = { ok: true; filter: ListFilter } | { ok: false; error: FilterError };

/** The filter a list's query parameters ask for, or what is wrong with them. */
export function parseListFilter(query: QueryInput): FilterResult {
  const parsed = filterSchema.safeParse({
    cat: allValues(query, "cat"),
    not: allValues(query, "not"),
    code: allValues(query, "code")[0],
    min: allValues(query, "min")[0],
  });
  if (parsed.success) return { ok: true, filter: parsed.data };
  const issue = parsed.error.issues[0]!;
  const param = (issue.path[0] ?? "cat") as FilterParam;
  return { ok: false, error: { param, message: `${param}: ${issue.message}` } };
}

/**
 * A page's filter: what its query asks for, or none with the error to show. The edge answers a page
 * load with a bad filter with a 400 first (src/edge/bad-filter-page.ts); this is for what reaches
 * the page anyway, so it never fails on one.
 */
export function listFilterOf(query: QueryInput): { filter: ListFilter; error: FilterError | null } {
  const result = parseListFilter(query);
  return result.ok ? { filter: result.filter, error: null } : { filter: NO_FILTER, error: result.error };
}

/** Whether the address names a filter at all, even an empty one (`?code=0` shows every paper where a default would apply). */
export function hasFilterParams(query: QueryInput): boolean {
  return FILTER_PARAMS.some((name) => (query instanceof URLSearchParams ? query.has(name) : query[name] !== undefined));
}

export function isFiltered(filter: ListFilter): boolean {
  return filter.include.length > 0 || filter.exclude.length > 0 || filter.hasCode || filter.minUpvotes > 0;
}

/** The filter as query parameters, in one order (so equal filters give equal URLs); none when unfiltered. */
export function filterQueryEntries(filter: ListFilter): [FilterParam, string][] {
  return [
    ...filter.include.map((category): [FilterParam, string] => ["cat", category]),
    ...filter.exclude.map((category): [FilterParam, string] => ["not", category]),
    ...(filter.hasCode ? [["code", "1"] as [FilterParam, string]] : []),
    ...(filter.minUpvotes > 0 ? [["min", String(filter.minUpvotes)] as [FilterParam, string]] : []),
  ];
}

/** A short key naming the filter in snapshot and cache keys: `cat=cs.CL,cs.LG;not=cs.CV;code;min=5`, empty when unfiltered. */
export function filterKey(filter: ListFilter): string {
  const parts = [
    filter.include.length > 0 ? `cat=${filter.include.join(",")}` : "",
    filter.exclude.length > 0 ? `not=${filter.exclude.join(",")}` : "",
    filter.hasCode ? "code" : "",
    filter.minUpvotes > 0 ? `min=${filter.minUpvotes}` : "",
  ];
  return parts.filter(Boolean).join(";");
}

/** `path` with the filter's parameters (and the given others) added; empty values left out. */
export function withFilter(path: string, filter: ListFilter, query: Record<string, string | null | undefined> = {}): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  for (const [name, value] of filterQueryEntries(filter)) search.append(name, value);
  return search.size > 0 ? `${path}?${search}` : path;
}

/** The filter in words, for a list's summary: "in cs.CL or cs.LG, not cs.CV, with code, 10+ upvotes". */
export function describeFilter(filter: ListFilter): string {
  const parts = [
    filter.include.length > 0 ? `in ${filter.include.join(" or ")}` : "",
    filter.exclude.length > 0 ? `not in ${filter.exclude.join(" or ")}` : "",
    filter.hasCode ? "with code" : "",
    filter.minUpvotes > 0 ? `${filter.minUpvotes}+ upvotes` : "",
  ];
  return parts.filter(Boolean).join(", ");
}
