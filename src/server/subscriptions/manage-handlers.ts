import "server-only";
import { z } from "zod";
import { cadenceSchema, digestContentSchema, emailTokenSchema } from "@/lib/subscription";
import type { Db } from "@/server/db";
import { readFormFields, seeOther } from "@/server/http/body";
import { handleErrors, parseOrThrow } from "@/server/http/errors";
import { changeCadence, changeDigestContent, resubscribe, unsubscribe } from "@/server/subscriptions/manage";

type TokenContext = { params: Promise<{ token: string }> };

export interface ManageHandlerDeps {
  db: Db;
  now?: () => Date;
}

async function manageTokenFrom(context: TokenContext): Promise<string> {
  return parseOrThrow(z.object({ token: emailTokenSchema }), await context.params).token;
}

/**
 * /api/unsubscribe/<token>, the List-Unsubscribe URL. POST unsubscribes with no cookie or Origin
 * needed (RFC 8058 one-click: the mailbox provider posts `List-Unsubscribe=One-Click`); our own
 * page's button adds `from=page` and is sent back to that page. GET never changes anything (mail
 * scanners fetch links): it leads to the page with the button.
 */
export function createUnsubscribeHandlers(deps: ManageHandlerDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    GET: handleErrors<TokenContext>(async (_request, context) => seeOther(`/unsubscribe/${await manageTokenFrom(context)}`)),
    POST: handleErrors<TokenContext>(async (request, context) => {
      const token = await manageTokenFrom(context);
      // Whatever body a mailbox provider sends, a POST here must unsubscribe.
      const fields = await readFormFields(request).catch(() => ({}) as Record<string, string>);
      await unsubscribe(deps.db, token, now());
      if (fields.from === "page") return seeOther(`/unsubscribe/${token}`);
      return Response.json({ unsubscribed: true });
    }),
  };
}

const preferencesFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("cadence"), cadence: cadenceSchema }),
    z.object({ intent: z.literal("content"), content: digestContentSchema }),
    z.object({ intent: z.literal("unsubscribe") }),
    z.object({ intent: z.literal("resubscribe") }),
  ],
  { error: "intent: must be cadence, content, unsubscribe or resubscribe" },
);

/** POST /api/preferences/<token> (the preferences page's forms), then back to that page. */
export function createPreferencesHandler(deps: ManageHandlerDeps) {
  const now = deps.now ?? (() => new Date());
  return handleErrors<TokenContext>(async (request, context) => {
    const token = await manageTokenFrom(context);
    const form = parseOrThrow(preferencesFormSchema, await readFormFields(request));
    if (form.intent === "cadence") await changeCadence(deps.db, token, form.cadence);
    else if (form.intent === "content") await changeDigestContent(deps.db, token, form.content);
    else if (form.intent === "unsubscribe") await unsubscribe(deps.db, token, now());
    else await resubscribe(deps.db, token);
    return seeOther(`/preferences/${token}?updated=${form.intent}`);
  });
}
