import { z } from "zod";
import { categoryName, categorySchema } from "@/lib/arxiv-taxonomy";
import { isStorableText } from "@/lib/text";

export const FOLLOW_KINDS = ["ORGANIZATION", "AUTHOR", "TOPIC", "CATEGORY"] as const;
export type FollowKindName = (typeof FOLLOW_KINDS)[number];
export const MAX_FOLLOWS = 200;

/** What is followed: an organization's or author's name, a topic's words, an arXiv category. */
export const followValueSchema = z
  .string()
  .trim()
  .min(1, "Name what to follow.")
  .max(300, "That is too long to follow (300 characters at most).")
  .refine(
    (value) => isStorableText(value) && !/[\u0000-\u001f\u007f]/.test(value),
    "That holds a control character; type it as plain text.",
  );

/** A follow or mute as a form sends it. */
export const followRequestSchema = z
  .object({
    kind: z.enum(FOLLOW_KINDS, "Choose an organization, an author, a topic or a category."),
    value: followValueSchema,
    mode: z.enum(["follow", "mute", "unfollow"], "Choose follow, mute or unfollow."),
  })
  // A category follow is matched against arXiv's ids, so only an id arXiv has can be followed.
  .refine((request) => request.kind !== "CATEGORY" || categorySchema.safeParse(request.value).success, {
    message: "That is not an arXiv category (like cs.CL) or archive (like cs).",
    path: ["value"],
  });
export type FollowRequest = z.infer<typeof followRequestSchema>;

/** Why a paper is in someone's feed, for the line on its card. */
export function followReason(kind: FollowKindName, value: string): string {
  if (kind === "ORGANIZATION") return `You follow ${value}`;
  if (kind === "AUTHOR") return `Author: ${value}`;
  if (kind === "CATEGORY") return `Category: ${categoryName(value) ?? value} (${value})`;
  return `Matches your topic: ${value}`;
}
