import "server-only";
import type { Db } from "@/server/db";

/**
 * Unconfirmed subscriptions expire with their link: never-confirmed addresses are deleted (we
 * keep no address nobody vouched for); a re-subscription of a former subscriber that was not
 * confirmed falls back to unsubscribed.
 */
export async function expireUnconfirmedSubscriptions(db: Db, now: Date): Promise<number> {
  const expired = { status: "PENDING" as const, confirmExpiresAt: { lte: now } };
  const deleted = await db.subscriber.deleteMany({ where: { ...expired, confirmedAt: null } });
  const reverted = await db.subscriber.updateMany({
    where: { ...expired, confirmedAt: { not: null } },
    data: { status: "UNSUBSCRIBED", confirmTokenHash: null, confirmExpiresAt: null },
  });
  return deleted.count + reverted.count;
}
