import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Vercel Cron's convention: `Authorization: Bearer $CRON_SECRET`. Both sides are hashed first so
 * the comparison takes the same time whatever the length or content of the guess. Without a
 * configured secret nothing is authorized.
 */
export function isAuthorizedCronRequest(headers: Headers, secret: string | undefined): boolean {
  if (!secret) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(headers.get("authorization") ?? ""), digest(`Bearer ${secret}`));
}
