import "server-only";
import { createHash } from "node:crypto";

/**
 * The name a comment is shown under until people can pick handles: stable per account, and never
 * derived from anything readable such as the email address.
 */
export function commenterName(userId: string | null): string {
  if (!userId) return "[deleted account]";
  return `reader-${createHash("sha256").update(userId).digest("hex").slice(0, 6)}`;
}
