import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";

/**
 * Vercel Cron's convention: `Authorization: Bearer $CRON_SECRET`. Both sides are hashed first so
 * the comparison takes the same time whatever the length or content of the guess. Without a
 * configured secret nothing is authorized.
 */
function isAuthorizedCronRequest(headers: Headers, secret: string | undefined): boolean {
  if (!secret) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(headers.get("authorization") ?? ""), digest(`Bearer ${secret}`));
}

/** Refuses (401) a cron request without the configured bearer secret, saying what is missing. */
export function assertCronRequest(headers: Headers, secret: string | undefined): void {
  if (isAuthorizedCronRequest(headers, secret)) return;
  throw new AppError(
    "UNAUTHORIZED",
    secret ? "Send Authorization: Bearer <CRON_SECRET>." : "CRON_SECRET is not configured, so the cron routes accept no request.",
  );
}
