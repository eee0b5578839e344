import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { emailAddressSchema } from "@/lib/email-address";
import { shorten } from "@/lib/text";
import { commenterName } from "@/server/accounts/commenter-name";
import { queryRows, type Db } from "@/server/db";
import type { Mailer } from "@/server/email/mailer";
import { replyEmail } from "@/server/notifications/reply-email";
import { unsubscribeToken } from "@/server/notifications/unsubscribe-token";

export interface NotifyReplyDeps {
  db: Db;
  mailer: Mailer;
  siteUrl: string;
  now?: Date;
}

export type NotifyOutcome = "sent" | "self" | "no-recipient" | "invalid-address" | "switched-off" | "recently-notified";

const claimed = z.object({ userId: z.string() });

/**
 * Emails the author of the comment a reply answers, at most once per thread per hour (the claim
 * and the check are one statement, so concurrent replies send one email), unless they replied to
 * themselves, switched these emails off, or their account is gone or banned. The stored address is
 * checked again, as the digest does: a row changed behind the app's back (`victim@x\r\nBcc: ...`)
 * is skipped, never sent.
 */
export async function notifyReply(deps: NotifyReplyDeps, replyId: string): Promise<NotifyOutcome> {
  const { db, now = new Date() } = deps;
  const reply = await db.comment.findUnique({
    where: { id: replyId },
    select: {
      userId: true,
      body: true,
      threadId: true,
      paper: { select: { id: true, title: true } },
      user: { select: { handle: true } },
      thread: { select: { userId: true, deletedAt: true, user: { select: { email: true, replyNotifications: true, bannedAt: true } } } },
    },
  });
  const thread = reply?.thread;
  if (!reply?.threadId || !thread?.userId || thread.deletedAt || !thread.user?.email || thread.user.bannedAt) return "no-recipient";
  if (thread.userId === reply.userId) return "self";
  if (!thread.user.replyNotifications) return "switched-off";
  const address = emailAddressSchema.safeParse(thread.user.email);
  if (!address.success) {
    // The user id, not the address: its bytes are what an attacker planted.
    console.warn(`Reply notification skipped: user ${thread.userId}'s stored address is not valid (${address.error.issues[0]?.message})`);
    return "invalid-address";
  }
  // Raw: claim-if-older-than-an-hour in one statement; Prisma's upsert cannot make its update conditional.
  const claim = await queryRows(
    db,
    claimed,
    Prisma.sql`
      INSERT INTO "ReplyNotification" ("userId", "threadId", "sentAt") VALUES (${thread.userId}, ${reply.threadId}, ${now})
      ON CONFLICT ("userId", "threadId") DO UPDATE SET "sentAt" = EXCLUDED."sentAt"
      WHERE "ReplyNotification"."sentAt" <= ${new Date(now.getTime() - 3_600_000)}
      RETURNING "userId"`,
  );
  if (claim.length === 0) return "recently-notified";
  const token = await unsubscribeToken(db, thread.userId);
  await deps.mailer.send(
    replyEmail({
      to: address.data,
      replier: reply.user?.handle ?? commenterName(reply.userId),
      paperTitle: reply.paper.title,
      excerpt: shorten(reply.body, 500),
      commentUrl: new URL(`/papers/${reply.paper.id}#comment-${replyId}`, deps.siteUrl).toString(),
      unsubscribeUrl: new URL(`/api/notifications/unsubscribe/${token}`, deps.siteUrl).toString(),
      settingsUrl: new URL("/me", deps.siteUrl).toString(),
      host: new URL(deps.siteUrl).hostname,
    }),
  );
  return "sent";
}
