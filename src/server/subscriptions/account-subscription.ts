import "server-only";
import type { DigestContent, SubscriberStatus } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Cadence } from "@/lib/subscription";
import type { Db } from "@/server/db";
import { lockAddress } from "@/server/subscriptions/address-lock";
import { newEmailToken } from "@/server/subscriptions/tokens";

export interface AccountSubscription {
  email: string;
  status: SubscriberStatus;
  cadence: Cadence;
  content: DigestContent;
  /** Path of the preferences page (carries the subscriber's manage token). */
  preferencesPath: string;
}

/**
 * A signed-in user's one click: sign-in already proved they own the account address, so it is
 * confirmed at once and linked to the account (a previous address of theirs is unlinked).
 */
export async function subscribeAccount(
  db: Db,
  user: { id: string; email: string | null },
  cadence: Cadence,
  now: Date,
): Promise<AccountSubscription> {
  const email = user.email;
  if (!email) throw new AppError("BAD_REQUEST", "Your account has no email address. Subscribe with an address on the form instead.");
  const subscriber = await db.$transaction(async (tx) => {
    await lockAddress(tx, email);
    await tx.subscriber.updateMany({ where: { userId: user.id, NOT: { email } }, data: { userId: null } });
    const confirmed = {
      status: "CONFIRMED" as const,
      cadence,
      userId: user.id,
      confirmTokenHash: null,
      confirmExpiresAt: null,
      unsubscribedAt: null,
    };
    const existing = await tx.subscriber.findUnique({ where: { email }, select: { id: true, confirmedAt: true } });
    if (existing) {
      return tx.subscriber.update({ where: { id: existing.id }, data: { ...confirmed, confirmedAt: existing.confirmedAt ?? now } });
    }
    return tx.subscriber.create({ data: { email, manageToken: newEmailToken(), confirmedAt: now, ...confirmed } });
  });
  return toAccountSubscription(subscriber);
}

/** The subscription linked to a user, or null (for the account page). */
export async function findAccountSubscription(db: Db, userId: string): Promise<AccountSubscription | null> {
  const subscriber = await db.subscriber.findUnique({ where: { userId } });
  return subscriber ? toAccountSubscription(subscriber) : null;
}

/**
 * Whether a signed-in reader already gets the digest: a confirmed subscription linked to the
 * account or to its address (subscribed on the form, before or without signing in).
 */
export async function isConfirmedSubscriber(db: Db, user: { id: string; email: string | null }): Promise<boolean> {
  const found = await db.subscriber.findFirst({
    where: { status: "CONFIRMED", OR: [{ userId: user.id }, ...(user.email ? [{ email: user.email }] : [])] },
    select: { id: true },
  });
  return found !== null;
}

function toAccountSubscription(subscriber: {
  email: string;
  status: AccountSubscription["status"];
  cadence: Cadence;
  content: DigestContent;
  manageToken: string;
}): AccountSubscription {
  return {
    email: subscriber.email,
    status: subscriber.status,
    cadence: subscriber.cadence,
    content: subscriber.content,
    preferencesPath: `/preferences/${subscriber.manageToken}`,
  };
}
