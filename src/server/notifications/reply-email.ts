import "server-only";
import type { OutgoingMail } from "@/server/email/mailer";
import { commentNoticeEmail } from "@/server/notifications/comment-notice-email";

export interface ReplyEmail {
  to: string;
  replier: string;
  paperTitle: string;
  excerpt: string;
  commentUrl: string;
  unsubscribeUrl: string;
  settingsUrl: string;
  host: string;
}

/** "Someone replied to your comment", with RFC 8058 one-click unsubscribe from these emails. */
export function replyEmail(reply: ReplyEmail): OutgoingMail {
  return commentNoticeEmail({
    to: reply.to,
    subject: `${reply.replier} replied to your comment on “${reply.paperTitle}”`,
    excerpt: reply.excerpt,
    commentUrl: reply.commentUrl,
    actionLabel: "Read the thread",
    frequency: "You get at most one of these per thread an hour.",
    why: "You get this because you commented on Daily Papers.",
    stopLabel: "Stop reply emails",
    unsubscribeUrl: reply.unsubscribeUrl,
    settingsUrl: reply.settingsUrl,
    listId: `Daily Papers replies <replies.${reply.host}>`,
  });
}
