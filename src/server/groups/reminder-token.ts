import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

// The one-click unsubscribe link of a reminder names one membership and is signed, so it needs no
// column of its own and cannot be forged for someone else's membership. It never expires: a
// reminder read months later still unsubscribes.

const PURPOSE = "group-reminders-off";
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function signature(secret: string, groupId: string, userId: string): Buffer {
  return createHmac("sha256", secret).update(`${PURPOSE}:${groupId}:${userId}`).digest();
}

/** `<groupId>.<userId>.<HMAC-SHA256>`, URL-safe. */
export function reminderUnsubscribeToken(secret: string, membership: { groupId: string; userId: string }): string {
  return `${membership.groupId}.${membership.userId}.${signature(secret, membership.groupId, membership.userId).toString("base64url")}`;
}

/** The membership a token names, or null when it is malformed or its signature does not match. */
export function readReminderUnsubscribeToken(secret: string, token: string): { groupId: string; userId: string } | null {
  const [groupId, userId, mac, ...rest] = token.split(".");
  if (!groupId || !userId || !mac || rest.length > 0 || !ID.test(groupId) || !ID.test(userId)) return null;
  const given = Buffer.from(mac, "base64url");
  const expected = signature(secret, groupId, userId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { groupId, userId } : null;
}
