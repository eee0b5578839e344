import { z } from "zod";
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

export const searchParamsSchema = z.object({
  q: z.string({ error: "is required" }).trim().min(1, "is required").max(10_000, "is too long"),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(1, "must be between 1 and 50")
    .max(50, "must be between 1 and 50")
    .default(20),
});

/** The query string as a plain object, first value per key (what HF clients send). */
export function queryObject(url: string): Record<string, string> {
  const params = new URL(url).searchParams;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.get(key)!]));
}
