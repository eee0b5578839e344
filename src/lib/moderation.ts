import { z } from "zod";

export const MODERATION_KINDS = [
  "HIDE_PAPER",
  "UNHIDE_PAPER",
  "HIDE_COMMENT",
  "UNHIDE_COMMENT",
  "BAN_USER",
  "UNBAN_USER",
  "DISMISS_REPORT",
  "HIDE_COLLECTION",
  "UNHIDE_COLLECTION",
  "APPROVE_AUTHOR_CLAIM",
  "REJECT_AUTHOR_CLAIM",
] as const;
export type ModerationKindName = (typeof MODERATION_KINDS)[number];

export const MODERATION_LABELS: Record<ModerationKindName, string> = {
  HIDE_PAPER: "hid paper",
  UNHIDE_PAPER: "unhid paper",
  HIDE_COMMENT: "hid comment",
  UNHIDE_COMMENT: "unhid comment",
  BAN_USER: "banned",
  UNBAN_USER: "unbanned",
  DISMISS_REPORT: "dismissed report",
  HIDE_COLLECTION: "hid collection",
  UNHIDE_COLLECTION: "unhid collection",
  APPROVE_AUTHOR_CLAIM: "approved author claim",
  REJECT_AUTHOR_CLAIM: "rejected author claim",
};

const reason = z
  .string()
  .trim()
  .min(1, "Give a reason: it goes into the moderation log.")
  .max(500, "Keep the reason under 500 characters.");

/**
 * A moderator's form: what to do, to which paper id / comment id / address / report id, and why;
 * `reasonPrivate` (a checked box posts "on") keeps the reason out of the public log at /moderation.
 */
export const moderationRequestSchema = z.object({
  kind: z.enum(MODERATION_KINDS, "Choose an action."),
  target: z.string().trim().min(1, "Name what to act on.").max(320),
  reason,
  reasonPrivate: z.union([z.boolean(), z.literal("on").transform(() => true)], "Tick the box or leave it out.").optional(),
});
export type ModerationRequest = z.infer<typeof moderationRequestSchema>;

/** A reader's report: why this comment or paper needs a moderator. */
export const reportReasonSchema = z
  .string()
  .trim()
  .min(3, "Say in a few words what is wrong (at least 3 characters).")
  .max(500, "Keep the reason under 500 characters.");
