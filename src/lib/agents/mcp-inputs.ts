// The MCP server's tool arguments, checked by the SDK against these schemas before a tool runs: a
// bad argument is a tool error naming it, never a failed request. Bounds are the REST API's.
import { z } from "zod";
import { MAX_LIST_PAGE } from "@/lib/agents/list-markdown";
import { SEARCH_SORTS } from "@/lib/api-params";
import { parseArxivId } from "@/lib/arxiv-id";
import { FEED_SORTS } from "@/lib/feed-sort";
import { MAX_FILTER_CATEGORIES, MAX_MIN_UPVOTES } from "@/lib/list-filter";

/** As the search API: longer is refused, and only the first 500 characters are searched. */
export const MAX_TOOL_QUERY_LENGTH = 10_000;

// Control characters (C0, DEL, C1) mean nothing in a search: they become spaces, which the search
// then squeezes, so none reaches the database or the answer.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export const pageInput = (max: number = MAX_LIST_PAGE) =>
  z
    .number()
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(max, `must be at most ${max}`)
    .default(1)
    .describe("Page of the list, from 1 (20 papers a page); the answer says when there is a next page.");

export const paperIdInput = z
  .string()
  .max(200, "is too long for an arXiv id")
  .transform((value, ctx) => {
    const id = parseArxivId(value);
    if (id === null)
      ctx.addIssue({
        code: "custom",
        message: "is not an arXiv id (expected e.g. 2401.00001, arXiv:2401.00001v2, an arXiv URL or hep-th/9901001)",
      });
    return id ?? z.NEVER;
  })
  .describe("The paper's arXiv id, like 2401.00001 or hep-th/9901001 (an arXiv URL or arXiv:2401.00001v2 is fine too).");

export const searchQueryInput = z
  .string()
  .max(MAX_TOOL_QUERY_LENGTH, `is too long: at most ${MAX_TOOL_QUERY_LENGTH.toLocaleString("en")} characters`)
  .transform((value) => value.replace(CONTROL, " ").trim())
  .refine((value) => value.length > 0, "needs at least one word")
  .describe('Words to find in titles, abstracts and authors: "quoted phrases", OR, -word; or an arXiv id or URL.');

export const searchSortInput = z.enum(SEARCH_SORTS).default("relevance").describe("relevance (default), newest or upvotes.");

export const periodKindInput = z.enum(["day", "week", "month"]).default("day").describe("The feed period: day (default), week or month.");

export const periodDateInput = z
  .string()
  .max(10, "is not a date")
  .optional()
  .describe(
    "A day (2026-06-16) in the period, or the period itself: 2026-W24 for a week, 2026-06 for a month. Default: the latest day with papers.",
  );

export const feedSortInput = z
  .enum(FEED_SORTS)
  .default("trending")
  .describe("trending (default), upvotes, newest or discussed (most comments first).");

const categories = (what: string) =>
  z
    .array(z.string().max(40, "is not an arXiv category"))
    .max(MAX_FILTER_CATEGORIES, `give at most ${MAX_FILTER_CATEGORIES} categories`)
    .optional()
    .describe(what);

export const listFilterInput = {
  cat: categories("Only papers in one of these arXiv categories or archives, like cs.CL or math."),
  not: categories("No papers in any of these arXiv categories or archives."),
  code: z.boolean().optional().describe("true: only papers with a known GitHub repository or project page."),
  min: z
    .number()
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(MAX_MIN_UPVOTES, `must be at most ${MAX_MIN_UPVOTES.toLocaleString("en")}`)
    .optional()
    .describe("Only papers with at least this many upvotes."),
};
