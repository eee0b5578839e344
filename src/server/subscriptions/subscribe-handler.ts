import "server-only";
import { AppError } from "@/lib/errors";
import { subscribeAccountSchema, subscribeByEmailSchema } from "@/lib/subscription";
import { userFromRequest } from "@/server/auth/session";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/email/mailer";
import { readJsonBody } from "@/server/http/body";
import { handleErrors, parseOrThrow } from "@/server/http/errors";
import { clientIp, hasSameOrigin } from "@/server/http/request-origin";
import { subscribeAccount } from "@/server/subscriptions/account-subscription";
import { subscribeByEmail } from "@/server/subscriptions/subscribe";

export interface SubscribeHandlerDeps {
  db: Db;
  mailer: () => Mailer;
  siteUrl: string;
  linkTtlHours: number;
  now?: () => Date;
}

/**
 * POST /api/subscriptions, JSON. `{ email, cadence }` starts a double opt-in and always answers
 * 202 with the same message, whether or not the address is known. `{ account: true, cadence }`
 * subscribes the signed-in user's own address at once (session cookie, same-origin only).
 */
export function createSubscribeHandler(deps: SubscribeHandlerDeps) {
  const now = deps.now ?? (() => new Date());
  return handleErrors(async (request) => {
    const body = await readJsonBody(request);
    if (typeof body === "object" && body !== null && "account" in body) {
      const { cadence } = parseOrThrow(subscribeAccountSchema, body);
      const user = await userFromRequest(deps.db, request);
      if (!user) throw new AppError("UNAUTHORIZED", "Sign in to subscribe with your account address, or enter an address instead.");
      if (!hasSameOrigin(request, deps.siteUrl)) throw new AppError("FORBIDDEN", "Subscribe from this site's subscribe page.");
      const subscription = await subscribeAccount(deps.db, user, cadence, now());
      return Response.json({
        outcome: "subscribed",
        email: subscription.email,
        cadence: subscription.cadence,
        preferencesPath: subscription.preferencesPath,
      });
    }
    const { email, cadence } = parseOrThrow(subscribeByEmailSchema, body);
    const mailer = deps.mailer();
    try {
      await subscribeByEmail(
        { db: deps.db, mailer, siteUrl: deps.siteUrl, linkTtlHours: deps.linkTtlHours, now: now() },
        { email, cadence, ip: clientIp(request.headers) },
      );
    } finally {
      mailer.close();
    }
    return Response.json({ outcome: "pending", email, cadence }, { status: 202 });
  });
}
