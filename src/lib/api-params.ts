import { z } from "zod";
import { arxivIdSchema } from "@/lib/arxiv-id";
import { commentOrderSchema } from "@/lib/comments";
import { isoDateSchema } from "@/lib/dates";
import { followValueSchema, type FollowKindName } from "@/lib/follows";
import { parsePeriod, type PeriodKind } from "@/lib/periods";

// The query and path parameters of the JSON API, as its handlers parse them. Their descriptions
// (`meta`) are what /api/openapi.json and the reference page at /api/docs say about each.

const period = (kind: PeriodKind, example: string, description: string) =>
  z
    .string()
    .refine((value) => parsePeriod(kind, value) !== null, { message: `must be a valid ${kind === "date" ? "date" : kind} like ${example}` })
    .optional()
    .meta({ description, examples: [example] });

export const dailyPapersParamsSchema = z
  .object({
    date: period("date", "2026-06-01", "A feed day, `YYYY-MM-DD`. Give one of date, week or month; none: the latest feed day with papers."),
    week: period("week", "2026-W23", "An ISO week, `YYYY-Www`."),
    month: period("month", "2026-06", "A month, `YYYY-MM`."),
    sort: z
      .enum(["publishedAt", "trending", "discussed"], { error: "must be publishedAt, trending or discussed" })
      .default("publishedAt")
      .meta({
        description:
          "`publishedAt`: newest first; `trending`: by the time-decayed score of /about/ranking; `discussed`: most comments first (Hugging Face's and this site's), ties in trending order.",
      }),
    p: z.coerce
      .number({ error: "must be a page number" })
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .max(10_000)
      .default(0)
      .meta({ description: "The page, from 0, of `limit` papers." }),
    limit: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be between 1 and 100")
      .max(100, "must be between 1 and 100")
      .default(50)
      .meta({ description: "Papers a page." }),
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
  sort: z
    .enum(SEARCH_SORTS, { error: `must be one of: ${SEARCH_SORTS.join(", ")}` })
    .default("relevance")
    .meta({ description: "`relevance`, `newest` (feed day) or `upvotes`." }),
  from: searchDay.meta({ description: "The first feed day to search, `YYYY-MM-DD` (inclusive).", examples: ["2026-06-01"] }),
  to: searchDay.meta({ description: "The last feed day to search, `YYYY-MM-DD` (inclusive).", examples: ["2026-06-30"] }),
};

const searchPage = z.coerce
  .number({ error: "must be a page number" })
  .int("must be a whole number")
  .min(0, "must be 0 or more")
  .max(MAX_SEARCH_PAGE, `must be at most ${MAX_SEARCH_PAGE}`)
  .default(0)
  .meta({ description: "The page, from 0, of `limit` results." });

function checkDayRange(params: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (params.from && params.to && params.from > params.to)
    ctx.addIssue({ code: "custom", path: ["from"], message: `${params.from} is after to (${params.to}); give the earlier day in from` });
}

const searchQuery = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(10_000, "is too long")
  .meta({ description: 'The words to find: `"quoted phrases"`, `OR` between words, `-word` to leave out.', examples: ["diffusion"] });

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
      .default(20)
      .meta({ description: "Results a page." }),
    p: searchPage,
    ...searchShape,
  })
  .superRefine(checkDayRange);

/** A paper in a path: its arXiv id (old-style ids encode their slash: `hep-th%2F9901001`). */
export const paperIdParamsSchema = z.object({
  id: arxivIdSchema.meta({
    description: "The paper's arXiv id without version; old-style ids encode their slash: `hep-th%2F9901001`.",
    examples: ["2606.11176"],
  }),
});

export const commentsParamsSchema = z.object({
  p: z.coerce
    .number()
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(10_000)
    .default(0)
    .meta({ description: "The page, from 0, of 20 threads." }),
  // `newest` stays the default here (the paper page's is `best`): a script paging through an order
  // that moves with the clock could see a thread twice or miss one.
  sort: commentOrderSchema.default("newest").meta({
    description:
      "`newest` (default) or `oldest` thread first, or `best`: votes with age, as the paper page orders them by default ((upvotes + 1) / (age in hours + 2)^1.5, highest first).",
  }),
});

/** The kinds of follow as the API spells them, in paths and answers: `organization`, not `ORGANIZATION`. */
export type FollowKindParam = Lowercase<FollowKindName>;
export const FOLLOW_KIND_PARAMS = ["organization", "author", "topic", "category"] as const satisfies readonly FollowKindParam[];
export const followKindParamSchema = z
  .enum(FOLLOW_KIND_PARAMS, { error: `must be one of: ${FOLLOW_KIND_PARAMS.join(", ")}` })
  .meta({ description: "What is followed: an organization, an author, a topic (words searched for) or an arXiv category." });

export const followKindName = (kind: FollowKindParam): FollowKindName => kind.toUpperCase() as Uppercase<FollowKindParam>;
export const followKindParam = (kind: FollowKindName): FollowKindParam => kind.toLowerCase() as Lowercase<FollowKindName>;

export const followParamsSchema = z.object({
  kind: followKindParamSchema,
  value: followValueSchema.meta({
    description:
      "The organization's name (as in /orgs/<name>), the author's name, the topic's words, or an arXiv category or archive (`cs.CL`, `cs`); up to 300 characters.",
    examples: ["nvidia"],
  }),
});

export const followBodySchema = z.object({
  state: z
    .enum(["follow", "mute"], { error: "must be follow or mute" })
    .default("follow")
    .meta({ description: "`follow` (the default) adds its papers to For you; `mute` keeps them out of it." }),
});

export const forYouParamsSchema = z.object({
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 50")
    .max(50, "must be between 1 and 50")
    .default(20)
    .meta({ description: "Papers a page." }),
  p: z.coerce
    .number({ error: "must be a page number" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(99, "must be at most 99")
    .default(0)
    .meta({ description: "The page, from 0, of `limit` papers." }),
});

/** The query string as a plain object, first value per key (what HF clients send). */
export function queryObject(url: string): Record<string, string> {
  const params = new URL(url).searchParams;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.get(key)!]));
}
