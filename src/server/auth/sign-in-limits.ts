import "server-only";
import { emailAddressSchema } from "@/lib/email-address";
import { formatWait } from "@/lib/durations";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import { parseOrThrow } from "@/server/http";
import { consumeRateLimit, type RateLimitRule } from "@/server/rate-limit";

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
export async function admitSignInRequest(db: Db, input: { email: unknown; ip: string }, limits: SignInLimits = SIGN_IN_LIMITS): Promise<string> {
  const email = parseOrThrow(emailAddressSchema, input.email);
  const byIp = await consumeRateLimit(db, `sign-in:ip:${input.ip}`, limits.perIp);
  if (!byIp.allowed) {
    throw new AppError("RATE_LIMITED", `Too many sign-in links were requested from your network. Try again in ${formatWait(byIp.retryAfterSeconds)}.`, {
      retryAfterSeconds: byIp.retryAfterSeconds,
    });
  }
  const byAddress = await consumeRateLimit(db, `sign-in:email:${email}`, limits.perAddress);
  if (!byAddress.allowed) {
    throw new AppError("RATE_LIMITED", `Too many sign-in links were sent to ${email}. Try again in ${formatWait(byAddress.retryAfterSeconds)}.`, {
      retryAfterSeconds: byAddress.retryAfterSeconds,
    });
  }
  return email;
}
