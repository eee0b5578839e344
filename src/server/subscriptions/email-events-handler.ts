import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { emailAddressSchema } from "@/lib/email-address";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import { handleErrors, parseOrThrow } from "@/server/http/errors";
import { suppressBouncedAddress, unsubscribeAfterComplaint } from "@/server/subscriptions/suppress";

export interface EmailEventsDeps {
  db: Db;
  secret: string | undefined;
  now?: () => Date;
}

// A signature older than this is refused, so a captured request cannot be replayed later.
const MAX_SKEW_SECONDS = 300;

const eventSchema = z.object({
  type: z.enum(["bounce", "complaint"]),
  email: emailAddressSchema,
  /** Bounces only: false for a soft (temporary) bounce, which changes nothing. */
  permanent: z.boolean().default(true),
  reason: z.string().max(1000).optional(),
});

const bodySchema = z.object({ events: z.array(eventSchema).min(1).max(100) });

function hasValidSignature(headers: Headers, body: string, secret: string, now: Date): boolean {
  const timestamp = headers.get("x-webhook-timestamp") ?? "";
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`);
  const given = Buffer.from(headers.get("x-webhook-signature") ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * POST /api/email/events: bounce and complaint reports from the mail provider, signed with
 * EMAIL_WEBHOOK_SECRET (HMAC-SHA256 of `<timestamp>.<body>`). A hard bounce suppresses the address;
 * a complaint unsubscribes it at once. Without a configured secret every request is refused.
 */
export function createEmailEventsHandler(deps: EmailEventsDeps) {
  const now = deps.now ?? (() => new Date());
  return handleErrors(async (request: Request) => {
    const body = await request.text();
    if (!deps.secret) throw new AppError("UNAUTHORIZED", "EMAIL_WEBHOOK_SECRET is not configured, so this endpoint accepts no event.");
    if (!hasValidSignature(request.headers, body, deps.secret, now())) {
      throw new AppError("UNAUTHORIZED", "Sign the body: X-Webhook-Timestamp (unix seconds, within 5 minutes) and X-Webhook-Signature.");
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
    }
    const { events } = parseOrThrow(bodySchema, json);
    let applied = 0;
    for (const event of events) {
      const reason = event.reason ?? "Reported as a hard bounce by the mail provider.";
      if (event.type === "complaint") applied += Number(await unsubscribeAfterComplaint(deps.db, event.email, now()));
      else if (event.permanent) applied += Number(await suppressBouncedAddress(deps.db, { email: event.email }, reason, now()));
    }
    return Response.json({ received: events.length, applied }, { headers: { "Cache-Control": "no-store" } });
  });
}
