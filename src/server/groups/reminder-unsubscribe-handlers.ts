import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import { turnRemindersOff } from "@/server/groups/groups";
import { readReminderUnsubscribeToken } from "@/server/groups/reminder-token";
import { handleErrors, parseOrThrow } from "@/server/http/errors";

const paramsSchema = z.object({
  token: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_.-]+$/, "is not an unsubscribe link's token"),
});
type Context = { params: Promise<{ token: string }> };

export interface ReminderUnsubscribeDeps {
  db: Db;
  siteUrl: string;
  /** What signed the links (NEXTAUTH_SECRET); without it no link is valid. */
  signingSecret: string | undefined;
}

/**
 * /api/groups/reminders/unsubscribe/<token>, the List-Unsubscribe target of session reminders.
 * POST turns the group's reminders off at once, with no cookie or Origin needed (RFC 8058
 * one-click: the mailbox provider posts `List-Unsubscribe=One-Click`); GET, a person following
 * the link, gets a page with a button, so link scanners change nothing.
 */
export function createReminderUnsubscribeHandlers(deps: ReminderUnsubscribeDeps) {
  const tokenOf = async (context: Context) => parseOrThrow(paramsSchema, await context.params).token;
  const pageUrl = (token: string, done: boolean) => new URL(`/groups/reminders/unsubscribe/${token}${done ? "?done=1" : ""}`, deps.siteUrl);
  return {
    GET: handleErrors<Context>(async (_request, context) => Response.redirect(pageUrl(await tokenOf(context), false), 303)),
    POST: handleErrors<Context>(async (request, context) => {
      const token = await tokenOf(context);
      const membership = deps.signingSecret ? readReminderUnsubscribeToken(deps.signingSecret, token) : null;
      if (!membership) throw new AppError("NOT_FOUND", "This unsubscribe link is not valid.");
      await turnRemindersOff(deps.db, membership);
      const form = await request.formData().catch(() => null);
      if (form?.get("from") === "page") return Response.redirect(pageUrl(token, true), 303);
      return Response.json({ reminders: false });
    }),
  };
}
