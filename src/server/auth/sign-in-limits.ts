import "server-only";
import { emailAddressSchema } from "@/lib/email-address";
import type { Db } from "@/server/db";
import { parseOrThrow } from "@/server/http/errors";
import { enforceRateLimit, type RateLimitRule } from "@/server/http/rate-limit";

export interface SignInLimits {
  perAddress: RateLimitRule;
  perIp: RateLimitRule;
}

const HOUR_MS = 3_600_000;

// Enough for a person retrying a lost mail; too few to mail-bomb an address or scan many.
export const SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { limit: 5, windowMs: HOUR_MS },
  perIp: { limit: 20, windowMs: HOUR_MS },
};

/**
 * Decides whether a sign-in link may be mailed: the address must be acceptable (normalized form
 * returned) and neither the address nor the client IP past its limit. Throws a BAD_REQUEST or
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
    `sign-in:email:${email}`,
    limits.perAddress,
    (wait) => `Too many sign-in links were sent to ${email}. Try again in ${wait}.`,
  );
  return email;
}
