import "server-only";
import { z } from "zod";
import { emailTokenSchema } from "@/lib/subscription";
import type { Db } from "@/server/db";
import { readFormFields, seeOther } from "@/server/http/body";
import { handleErrors, parseOrThrow } from "@/server/http/errors";
import { confirmSubscription } from "@/server/subscriptions/confirm";

export interface ConfirmHandlerDeps {
  db: Db;
  now?: () => Date;
}

const confirmFormSchema = z.object({ token: emailTokenSchema });

/** POST /api/subscriptions/confirm (the landing page's button): confirms, then shows preferences. */
export function createConfirmHandler(deps: ConfirmHandlerDeps) {
  const now = deps.now ?? (() => new Date());
  return handleErrors(async (request) => {
    const { token } = parseOrThrow(confirmFormSchema, await readFormFields(request));
    const { manageToken } = await confirmSubscription(deps.db, token, now());
    return seeOther(`/preferences/${manageToken}?updated=confirmed`);
  });
}
