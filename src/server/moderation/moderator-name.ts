import "server-only";
import { createHash } from "node:crypto";

/**
 * The name the public moderation log gives a moderator: `moderator-` and six hex digits of a hash
 * of their account's id. Moderators are configured by address (ADMIN_EMAILS), which must never be
 * published, and neither is the part before the @, which often names the person or is half the
 * address. The id is not public, so the name cannot be checked against a guessed address; it is
 * stable while the account exists, and it differs from the generated name the same account
 * comments under (commenter-name.ts), so moderation and reading stay apart.
 */
export function moderatorName(userId: string | null): string {
  if (!userId) return "a former moderator";
  return `moderator-${createHash("sha256").update(`moderator:${userId}`).digest("hex").slice(0, 6)}`;
}
