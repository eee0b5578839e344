import "server-only";
import { AppError } from "@/lib/errors";
import type { Cadence } from "@/lib/subscription";
import type { Db } from "@/server/db";
import { hashEmailToken } from "@/server/subscriptions/tokens";

export type ConfirmationLink =
  | { state: "valid"; email: string; cadence: Cadence }
  | { state: "expired" }
  /** Unknown, altered, or already used (confirming clears the token). */
  | { state: "invalid" };

/** What a confirmation link leads to, without using it (the landing page shows a button). */
export async function inspectConfirmationLink(db: Db, token: string, now: Date): Promise<ConfirmationLink> {
  const subscriber = await db.subscriber.findUnique({
    where: { confirmTokenHash: hashEmailToken(token) },
    select: { email: true, cadence: true, status: true, confirmExpiresAt: true },
  });
  if (!subscriber || subscriber.status !== "PENDING") return { state: "invalid" };
  if (!subscriber.confirmExpiresAt || subscriber.confirmExpiresAt <= now) return { state: "expired" };
  return { state: "valid", email: subscriber.email, cadence: subscriber.cadence };
}

/** Confirms a pending subscription; returns the manage token for the preferences page. */
export async function confirmSubscription(db: Db, token: string, now: Date): Promise<{ manageToken: string }> {
  const confirmTokenHash = hashEmailToken(token);
  const [updated] = await db.subscriber.updateManyAndReturn({
    where: { confirmTokenHash, status: "PENDING", confirmExpiresAt: { gt: now } },
    data: { status: "CONFIRMED", confirmedAt: now, unsubscribedAt: null, confirmTokenHash: null, confirmExpiresAt: null },
    select: { manageToken: true },
  });
  if (updated) return updated;
  const link = await inspectConfirmationLink(db, token, now);
  if (link.state === "expired") {
    throw new AppError("GONE", "This confirmation link has expired. Subscribe again to get a new one.");
  }
  throw new AppError("NOT_FOUND", "This confirmation link is not valid or was already used. If you already confirmed, you are all set.");
}
