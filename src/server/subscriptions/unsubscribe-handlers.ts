import "server-only";
import type { Db } from "@/server/db";
import { readFormFields, seeOther } from "@/server/http/body";
import { handleErrors } from "@/server/http/errors";
import { unsubscribe } from "@/server/subscriptions/manage";
import { manageTokenFrom, type ManageTokenContext } from "@/server/subscriptions/manage-token";

export interface UnsubscribeHandlersDeps {
  db: Db;
  now?: () => Date;
}

/**
 * /api/unsubscribe/<token>, the List-Unsubscribe URL. POST unsubscribes with no cookie or Origin
 * needed (RFC 8058 one-click: the mailbox provider posts `List-Unsubscribe=One-Click`); our own
 * page's button adds `from=page` and is sent back to that page. GET never changes anything (mail
 * scanners fetch links): it leads to the page with the button.
 */
export function createUnsubscribeHandlers(deps: UnsubscribeHandlersDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    GET: handleErrors<ManageTokenContext>(async (_request, context) => seeOther(`/unsubscribe/${await manageTokenFrom(context)}`)),
    POST: handleErrors<ManageTokenContext>(async (request, context) => {
      const token = await manageTokenFrom(context);
      // Whatever body a mailbox provider sends, a POST here must unsubscribe.
      const fields = await readFormFields(request).catch(() => ({}) as Record<string, string>);
      await unsubscribe(deps.db, token, now());
      if (fields.from === "page") return seeOther(`/unsubscribe/${token}`);
      return Response.json({ unsubscribed: true });
    }),
  };
}
