import { z } from "zod";

/** Pages past this are refused: a list a person pages through, not an export. */
export const MAX_LIST_PAGE = 200;

const pageSchema = z.coerce
  .number({ error: "must be a page number" })
  .int("must be a whole page number")
  .min(1, "must be 1 or more")
  .max(MAX_LIST_PAGE, `must be at most ${MAX_LIST_PAGE}`)
  .default(1);

export const GROUP_SORTS = ["newest", "members"] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];

/** /groups?sort=newest|members&page=N */
export const groupListParamsSchema = z.object({
  sort: z.enum(GROUP_SORTS, { error: "must be newest or members" }).default("newest"),
  page: pageSchema,
});

/** /groups/<slug>/past?page=N */
export const pastSessionsParamsSchema = z.object({ page: pageSchema });
