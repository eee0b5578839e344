import "server-only";
import { emailAddressSchema } from "@/lib/email-address";
import { notificationKindQuery } from "@/lib/notifications";
import { shorten } from "@/lib/text";
import { commenterName } from "@/server/accounts/commenter-name";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/email/mailer";
import { authorThreadEmail } from "@/server/notifications/author-email";
import { unsubscribeToken } from "@/server/notifications/unsubscribe-token";

export interface NotifyAuthorsDeps {
  db: Db;
  mailer: Mailer;
  siteUrl: string;
}

// A paper has a handful of verified authors; the bound keeps one post's emails bounded whatever the data.
const MAX_AUTHORS = 50;

/**
 * Emails each verified author of the paper (an approved claim) about a new thread on it: not its
 * writer, not an account that switched these emails off or is banned, and once per author and
 * thread: the AuthorNotice row is inserted first (ON CONFLICT DO NOTHING), and only the call that
 * inserted it sends, so concurrent or repeated calls send one email. A reply is not a new thread
 * (its thread's starter hears of it, notify-reply.ts). The stored address is checked again, as
 * notify-reply.ts does. Answers how many emails were sent.
 */
export async function notifyPaperAuthors(deps: NotifyAuthorsDeps, threadId: string): Promise<number> {
  const { db } = deps;
  const thread = await db.comment.findUnique({
    where: { id: threadId },
    select: {
      threadId: true,
      userId: true,
      body: true,
      deletedAt: true,
      hiddenAt: true,
      paper: { select: { id: true, title: true, hiddenAt: true } },
      user: { select: { handle: true } },
    },
  });
  if (!thread || thread.threadId !== null || thread.deletedAt || thread.hiddenAt || thread.paper.hiddenAt) return 0;
  const authors = await db.authorClaim.findMany({
    where: {
      paperId: thread.paper.id,
      status: "APPROVED",
      ...(thread.userId ? { userId: { not: thread.userId } } : {}),
      user: { authorNotifications: true, bannedAt: null, email: { not: null } },
    },
    select: { userId: true, user: { select: { email: true } } },
    distinct: ["userId"],
    orderBy: { userId: "asc" },
    take: MAX_AUTHORS,
  });
  let sent = 0;
  for (const author of authors) {
    const address = emailAddressSchema.safeParse(author.user.email);
    if (!address.success) {
      // The user id, not the address: its bytes are what an attacker planted.
      console.warn(`Author notice skipped: user ${author.userId}'s stored address is not valid (${address.error.issues[0]?.message})`);
      continue;
    }
    const { count } = await db.authorNotice.createMany({ data: [{ userId: author.userId, threadId }], skipDuplicates: true });
    if (count === 0) continue;
    const token = await unsubscribeToken(db, author.userId);
    try {
      await deps.mailer.send(
        authorThreadEmail({
          to: address.data,
          commenter: thread.user?.handle ?? commenterName(thread.userId),
          paperTitle: thread.paper.title,
          excerpt: shorten(thread.body, 500),
          commentUrl: new URL(`/papers/${thread.paper.id}#comment-${threadId}`, deps.siteUrl).toString(),
          unsubscribeUrl: new URL(`/api/notifications/unsubscribe/${token}${notificationKindQuery("author")}`, deps.siteUrl).toString(),
          settingsUrl: new URL("/me", deps.siteUrl).toString(),
          host: new URL(deps.siteUrl).hostname,
        }),
      );
      sent += 1;
    } catch (error) {
      // That author's email is lost (the ledger says sent), as a failed reply email is; the others still go.
      console.error(`Author notice to user ${author.userId} not sent:`, error);
    }
  }
  return sent;
}
