import "server-only";
import { emailAddressSchema } from "@/lib/email-address";
import type { Db } from "@/server/db";
import { parseOrThrow } from "@/server/http/errors";
import { enforceRateLimit, type RateLimitRule } from "@/server/http/rate-limit";

export interface SignInLimits {
  /** Per address and client IP: a stranger elsewhere cannot use up the owner's allowance. */
  perAddress: RateLimitRule;
  perIp: RateLimitRule;
}

const HOUR_MS = 3_600_000;

// Enough for a person retrying a lost mail; too few to mail-bomb an address or scan many from one
// network. The address limit is kept per client, so a stranger who spends it (even with valid
// CSRF tokens, from a script) spends only their own: flooding one address takes many networks,
// each capped at `perAddress` mails an hour.
export const SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { limit: 5, windowMs: HOUR_MS },
  perIp: { limit: 20, windowMs: HOUR_MS },
};

/**
 * Decides whether a sign-in link may be mailed: the address must be acceptable (normalized form
 * returned) and neither the client IP nor the address (from that IP) past its limit. Throws a BAD_REQUEST or
 * RATE_LIMITED AppError whose message is shown to the person as is.
 */
export async function admitSignInRequest(
  db: Db,
  input: { email: unknown; ip: string },
  limits: SignInLimits = SIGN_IN_LIMITS,
): Promise<string> {
  const email = parseOrThrow(emailAddressSchema, input.email);
  await enforceRateLimit(
    db,
    `sign-in:ip:${input.ip}`,
    limits.perIp,
    (wait) => `Too many sign-in links were requested from your network. Try again in ${wait}.`,
  );
  await enforceRateLimit(
    db,
    `sign-in:email:${email}:ip:${input.ip}`,
    limits.perAddress,
    (wait) => `Too many sign-in links were sent to ${email}. Try again in ${wait}.`,
  );
  return email;
}
