import "server-only";
import { z } from "zod";
import { cadenceSchema, digestContentSchema } from "@/lib/subscription";
import type { Db } from "@/server/db";
import { readFormFields, seeOther } from "@/server/http/body";
import { handleErrors, parseOrThrow } from "@/server/http/errors";
import { changeCadence, changeDigestContent, resubscribe, unsubscribe } from "@/server/subscriptions/manage";
import { manageTokenFrom, type ManageTokenContext } from "@/server/subscriptions/manage-token";

export interface PreferencesHandlerDeps {
  db: Db;
  now?: () => Date;
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
export function createPreferencesHandler(deps: PreferencesHandlerDeps) {
  const now = deps.now ?? (() => new Date());
  return handleErrors<ManageTokenContext>(async (request, context) => {
    const token = await manageTokenFrom(context);
    const form = parseOrThrow(preferencesFormSchema, await readFormFields(request));
    if (form.intent === "cadence") await changeCadence(deps.db, token, form.cadence);
    else if (form.intent === "content") await changeDigestContent(deps.db, token, form.content);
    else if (form.intent === "unsubscribe") await unsubscribe(deps.db, token, now());
    else await resubscribe(deps.db, token);
    return seeOther(`/preferences/${token}?updated=${form.intent}`);
  });
}
