import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import { handleErrors, parseOrThrow } from "@/server/http/errors";
import { stopReplyNotifications } from "@/server/notifications/notify-reply";

const paramsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, "is not an unsubscribe link's token") });
type Context = { params: Promise<{ token: string }> };

/**
 * /api/notifications/unsubscribe/<token>, the List-Unsubscribe target of reply emails. POST stops
 * them at once, with no cookie or Origin needed (RFC 8058 one-click: the mailbox provider posts
 * `List-Unsubscribe=One-Click`); GET, a person following the link, gets a page with a button.
 */
export function createReplyUnsubscribeHandlers(db: Db, siteUrl: string) {
  const tokenOf = async (context: Context) => parseOrThrow(paramsSchema, await context.params).token;
  return {
    GET: handleErrors<Context>(async (_request, context) => {
      const token = await tokenOf(context);
      return Response.redirect(new URL(`/notifications/unsubscribe/${token}`, siteUrl), 303);
    }),
    POST: handleErrors<Context>(async (request, context) => {
      const token = await tokenOf(context);
      if (!(await stopReplyNotifications(db, token))) throw new AppError("NOT_FOUND", "This unsubscribe link is not valid (any more).");
      // Our page's button says so; a mailbox provider's one-click post gets a plain answer.
      const form = await request.formData().catch(() => null);
      if (form?.get("from") === "page") return Response.redirect(new URL(`/notifications/unsubscribe/${token}?done=1`, siteUrl), 303);
      return Response.json({ replyNotifications: false });
    }),
  };
}
