import "server-only";
import type { Db } from "@/server/db";

const REASON_LENGTH = 500;

/**
 * Stops all mail to an address that bounced for good (kept, so it is not mailed again until its
 * owner subscribes and confirms anew). Returns whether a subscription changed.
 */
export async function suppressBouncedAddress(db: Db, where: { subscriberId: string } | { email: string }, reason: string, now: Date) {
  const { count } = await db.subscriber.updateMany({
    where: { ...("email" in where ? { email: where.email } : { id: where.subscriberId }), status: { not: "BOUNCED" } },
    data: {
      status: "BOUNCED",
      bouncedAt: now,
      bounceReason: reason.slice(0, REASON_LENGTH),
      confirmTokenHash: null,
      confirmExpiresAt: null,
    },
  });
  return count > 0;
}

/** A spam complaint is an unsubscribe, at once. Returns whether a subscription changed. */
export async function unsubscribeAfterComplaint(db: Db, email: string, now: Date) {
  const { count } = await db.subscriber.updateMany({
    where: { email, status: { not: "UNSUBSCRIBED" } },
    data: { status: "UNSUBSCRIBED", unsubscribedAt: now, confirmTokenHash: null, confirmExpiresAt: null },
  });
  return count > 0;
}
