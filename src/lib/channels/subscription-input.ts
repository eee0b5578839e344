import { z } from "zod";
import { isFiltered, NO_FILTER, parseListFilter, type ListFilter } from "@/lib/list-filter";

// What /admin's subscription fields take: what a channel posts. Categories are typed as a list
// ("cs.CL, cs.LG") and read with the feed's own filter rules, so a channel's filter means what the
// same filter means on a list page.

const categories = z
  .string()
  .max(400, "is too long")
  .default("")
  .transform((value, context): ListFilter => {
    const cat = value.split(/[\s,]+/).filter(Boolean);
    if (cat.length === 0) return NO_FILTER;
    const parsed = parseListFilter({ cat });
    if (!parsed.ok) {
      context.addIssue({ code: "custom", message: parsed.error.message.replace(/^cat: /, "") });
      return z.NEVER;
    }
    return parsed.filter;
  });

const withCode = z
  .enum(["on"])
  .optional()
  .transform((value) => value === "on");

function applyCode(filter: ListFilter, hasCode: boolean): ListFilter {
  return hasCode ? { ...filter, hasCode } : filter;
}

export const subscriptionInputSchema = z.discriminatedUnion("what", [
  z
    .object({
      what: z.literal("DAILY_TOP"),
      topN: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(50, "must be at most 50"),
      hourUtc: z.coerce.number().int("must be a whole hour").min(0, "must be 0 to 23").max(23, "must be 0 to 23"),
      categories,
      code: withCode,
    })
    .transform(({ what, topN, hourUtc, categories: filter, code }) => ({ what, topN, hourUtc, filter: applyCode(filter, code) })),
  z
    .object({
      what: z.literal("NEW_PAPERS"),
      topN: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(50, "must be at most 50"),
      topic: z.string().trim().max(200, "is at most 200 characters").default(""),
      categories,
      code: withCode,
    })
    .transform(({ what, topN, topic, categories: filter, code }) => ({ what, topN, topic: topic || null, filter: applyCode(filter, code) }))
    .refine((value) => value.topic !== null || isFiltered(value.filter), {
      message: "Give a topic or categories: every new paper would be too many.",
      path: ["topic"],
    }),
  z.object({ what: z.literal("COMMENTS") }),
  z.object({
    what: z.literal("GROUP_SESSIONS"),
    group: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,80}$/, "must be a reading group's address, like nlp-club in /groups/nlp-club"),
  }),
]);

export type SubscriptionInput = z.infer<typeof subscriptionInputSchema>;

/** The form's `what` choices, as the select lists them. */
export const SUBSCRIPTION_CHOICES = [
  { value: "DAILY_TOP", label: "The day's top papers" },
  { value: "NEW_PAPERS", label: "New papers on a topic" },
  { value: "COMMENTS", label: "Comments on papers it posted" },
  { value: "GROUP_SESSIONS", label: "A reading group's sessions" },
] as const;
