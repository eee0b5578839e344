import "server-only";
import { z } from "zod";
import { queryObject } from "@/lib/api-params";
import { AppError } from "@/lib/errors";
import { notificationKindQuery, notificationKindSchema, type NotificationKind } from "@/lib/notifications";
import type { Db } from "@/server/db";
import { handleErrors, parseOrThrow } from "@/server/http/errors";
import { stopNotifications } from "@/server/notifications/unsubscribe-token";

const paramsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, "is not an unsubscribe link's token") });
const querySchema = z.object({ kind: notificationKindSchema.default("reply") });
type Context = { params: Promise<{ token: string }> };

const SWITCH: Record<NotificationKind, string> = { reply: "replyNotifications", author: "authorNotifications" };

/**
 * /api/notifications/unsubscribe/<token>[?kind=author], the List-Unsubscribe target of reply
 * emails and (with the kind) of emails to a paper's authors about new threads. POST stops that kind
 * at once, with no cookie or Origin needed (RFC 8058 one-click: the mailbox provider posts
 * `List-Unsubscribe=One-Click`); GET, a person following the link, gets a page with a button.
 */
export function createNotificationUnsubscribeHandlers(db: Db, siteUrl: string) {
  const read = async (request: Request, context: Context) => ({
    token: parseOrThrow(paramsSchema, await context.params).token,
    kind: parseOrThrow(querySchema, queryObject(request.url)).kind,
  });
  return {
    GET: handleErrors<Context>(async (request, context) => {
      const { token, kind } = await read(request, context);
      return Response.redirect(new URL(`/notifications/unsubscribe/${token}${notificationKindQuery(kind)}`, siteUrl), 303);
    }),
    POST: handleErrors<Context>(async (request, context) => {
      const { token, kind } = await read(request, context);
      if (!(await stopNotifications(db, token, kind))) throw new AppError("NOT_FOUND", "This unsubscribe link is not valid (any more).");
      // Our page's button says so; a mailbox provider's one-click post gets a plain answer.
      const form = await request.formData().catch(() => null);
      if (form?.get("from") === "page") {
        const page = new URL(`/notifications/unsubscribe/${token}${notificationKindQuery(kind)}`, siteUrl);
        page.searchParams.set("done", "1");
        return Response.redirect(page, 303);
      }
      return Response.json({ [SWITCH[kind]]: false });
    }),
  };
}
