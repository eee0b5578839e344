import { z } from "zod";
import { isSingleLine, isStorableMultiline, SINGLE_LINE_MESSAGE, STORABLE_MESSAGE } from "@/lib/groups/text-rules";
import { timeZoneSchema } from "@/lib/groups/zoned-time";

export const GROUP_NAME_MAX = 80;
export const GROUP_DESCRIPTION_MAX = 2000;

const groupVisibilitySchema = z.enum(["PUBLIC", "INVITE"], {
  error: "Choose who may join: anyone signed in, or only people with the invite link.",
});

/** The "Create a group" form. */
export const groupFormSchema = z.object({
  name: z
    .string({ error: "Give the group a name." })
    .trim()
    .min(3, "Give the group a name of at least 3 characters.")
    .max(GROUP_NAME_MAX, `Keep the name to ${GROUP_NAME_MAX} characters.`)
    .refine(isSingleLine, SINGLE_LINE_MESSAGE),
  description: z
    .string()
    .trim()
    .max(GROUP_DESCRIPTION_MAX, `Keep the description to ${GROUP_DESCRIPTION_MAX.toLocaleString("en-US")} characters.`)
    .refine(isStorableMultiline, STORABLE_MESSAGE)
    .default(""),
  visibility: groupVisibilitySchema,
  timeZone: timeZoneSchema,
});
