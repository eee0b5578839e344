import "server-only";
import type { DigestContent, SubscriberStatus } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Cadence } from "@/lib/subscription";
import type { Db } from "@/server/db";

export interface ManagedSubscription {
  email: string;
  status: SubscriberStatus;
  cadence: Cadence;
  content: DigestContent;
  /** Whether the address belongs to an account: only then can the digest follow the reader's follows. */
  linkedToAccount: boolean;
  /** Whether the address was ever confirmed: only then can the token holder resubscribe directly. */
  wasConfirmed: boolean;
}

const unknownLink = () =>
  new AppError("NOT_FOUND", "This link does not match any subscription. Use the link from your most recent digest email.");

/** The subscription a manage token (from a digest's links) belongs to, or null. */
export async function lookupManagedSubscription(db: Db, manageToken: string): Promise<ManagedSubscription | null> {
  const subscriber = await db.subscriber.findUnique({
    where: { manageToken },
    select: { email: true, status: true, cadence: true, content: true, userId: true, confirmedAt: true },
  });
  if (!subscriber) return null;
  return {
    email: subscriber.email,
    status: subscriber.status,
    cadence: subscriber.cadence,
    content: subscriber.content,
    linkedToAccount: subscriber.userId !== null,
    wasConfirmed: subscriber.confirmedAt !== null,
  };
}

export async function findManagedSubscription(db: Db, manageToken: string): Promise<ManagedSubscription> {
  const subscription = await lookupManagedSubscription(db, manageToken);
  if (!subscription) throw unknownLink();
  return subscription;
}

/** Stops all digests to the address. Idempotent: the second call changes nothing and succeeds. */
export async function unsubscribe(db: Db, manageToken: string, now: Date): Promise<ManagedSubscription> {
  await db.subscriber.updateMany({
    where: { manageToken, status: { not: "UNSUBSCRIBED" } },
    data: { status: "UNSUBSCRIBED", unsubscribedAt: now, confirmTokenHash: null, confirmExpiresAt: null },
  });
  return findManagedSubscription(db, manageToken);
}

export async function changeCadence(db: Db, manageToken: string, cadence: Cadence): Promise<ManagedSubscription> {
  const { count } = await db.subscriber.updateMany({ where: { manageToken }, data: { cadence } });
  if (count === 0) throw unknownLink();
  return findManagedSubscription(db, manageToken);
}

/** Chooses the trending digest or the personal one; the personal one needs an account's follows. */
export async function changeDigestContent(db: Db, manageToken: string, content: DigestContent): Promise<ManagedSubscription> {
  const current = await findManagedSubscription(db, manageToken);
  if (content === "TRENDING_AND_FOLLOWS" && !current.linkedToAccount) {
    throw new AppError(
      "CONFLICT",
      "Only a subscription made while signed in can include papers from what you follow. Sign in and subscribe from your account page.",
    );
  }
  await db.subscriber.updateMany({ where: { manageToken }, data: { content } });
  return { ...current, content };
}

/** Undoes an unsubscribe; the token holder already proved the address when first confirming. */
export async function resubscribe(db: Db, manageToken: string): Promise<ManagedSubscription> {
  const current = await findManagedSubscription(db, manageToken);
  if (current.status === "BOUNCED") {
    throw new AppError(
      "CONFLICT",
      "Mail to this address bounced. Subscribe again and confirm from the email we send, so we know it works.",
    );
  }
  if (!current.wasConfirmed) {
    throw new AppError("CONFLICT", "This address was never confirmed. Subscribe again and confirm from the email we send.");
  }
  await db.subscriber.updateMany({ where: { manageToken }, data: { status: "CONFIRMED", unsubscribedAt: null } });
  return { ...current, status: "CONFIRMED" };
}
