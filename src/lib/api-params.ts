import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";
import { parsePeriod, type PeriodKind } from "@/lib/periods";

const period = (kind: PeriodKind, example: string) =>
  z
    .string()
    .refine((value) => parsePeriod(kind, value) !== null, { message: `must be a valid ${kind === "date" ? "date" : kind} like ${example}` })
    .optional();

export const dailyPapersParamsSchema = z
  .object({
    date: period("date", "2026-06-01"),
    week: period("week", "2026-W23"),
    month: period("month", "2026-06"),
    sort: z.enum(["publishedAt", "trending"], { error: "must be publishedAt or trending" }).default("publishedAt"),
    p: z.coerce.number({ error: "must be a page number" }).int("must be a whole number").min(0, "must be 0 or more").max(10_000).default(0),
    limit: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be between 1 and 100")
      .max(100, "must be between 1 and 100")
      .default(50),
  })
  .superRefine((params, ctx) => {
    const given = (["date", "week", "month"] as const).filter((key) => params[key] !== undefined);
    if (given.length > 1)
      ctx.addIssue({ code: "custom", path: [given[1]!], message: `give only one of date, week or month (got ${given.join(" and ")})` });
  });

export type DailyPapersParams = z.infer<typeof dailyPapersParamsSchema>;

export const SEARCH_SORTS = ["relevance", "newest", "upvotes"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_SORT_LABELS: Record<SearchSort, string> = { relevance: "Relevance", newest: "Newest", upvotes: "Most upvoted" };

/** Past this a search has no hits with any page size: at most 1,000 matches are ranked (src/server/papers/search.ts). */
export const MAX_SEARCH_PAGE = 1000;

// An empty date is no date: the search page's date fields send `from=` when left blank.
const searchDay = z.preprocess((value) => (value === "" ? undefined : value), isoDateSchema.optional());

// What narrows and orders a search besides the words, shared by the search page, its feeds and the API.
const searchShape = {
  sort: z.enum(SEARCH_SORTS, { error: `must be one of: ${SEARCH_SORTS.join(", ")}` }).default("relevance"),
  from: searchDay,
  to: searchDay,
};

const searchPage = z.coerce
  .number({ error: "must be a page number" })
  .int("must be a whole number")
  .min(0, "must be 0 or more")
  .max(MAX_SEARCH_PAGE, `must be at most ${MAX_SEARCH_PAGE}`)
  .default(0);

function checkDayRange(params: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (params.from && params.to && params.from > params.to)
    ctx.addIssue({ code: "custom", path: ["from"], message: `${params.from} is after to (${params.to}); give the earlier day in from` });
}

const searchQuery = z.string({ error: "is required" }).trim().min(1, "is required").max(10_000, "is too long");

/** The search page's sort, date range and page (`p`); its words and filters are read apart. */
export const searchOptionsSchema = z.object({ ...searchShape, p: searchPage }).superRefine(checkDayRange);

/** The search feeds: a search's first page, so no `p`. */
export const searchFeedParamsSchema = z.object({ q: searchQuery, ...searchShape }).superRefine(checkDayRange);

export const searchParamsSchema = z
  .object({
    q: searchQuery,
    limit: z.coerce
      .number({ error: "must be a number" })
      .int()
      .min(1, "must be between 1 and 50")
      .max(50, "must be between 1 and 50")
      .default(20),
    p: searchPage,
    ...searchShape,
  })
  .superRefine(checkDayRange);

/** The query string as a plain object, first value per key (what HF clients send). */
export function queryObject(url: string): Record<string, string> {
  const params = new URL(url).searchParams;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.get(key)!]));
}
