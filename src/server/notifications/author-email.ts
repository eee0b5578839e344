import "server-only";
import type { OutgoingMail } from "@/server/email/mailer";
import { commentNoticeEmail } from "@/server/notifications/comment-notice-email";

export interface AuthorThreadEmail {
  to: string;
  commenter: string;
  paperTitle: string;
  excerpt: string;
  commentUrl: string;
  unsubscribeUrl: string;
  settingsUrl: string;
  host: string;
}

/** "A new thread on your paper", to its verified authors, with RFC 8058 one-click unsubscribe from these emails. */
export function authorThreadEmail(mail: AuthorThreadEmail): OutgoingMail {
  return commentNoticeEmail({
    to: mail.to,
    subject: `${mail.commenter} started a thread on your paper “${mail.paperTitle}”`,
    excerpt: mail.excerpt,
    commentUrl: mail.commentUrl,
    actionLabel: "Read and reply",
    frequency: "You get one of these per new thread on papers you are a verified author of.",
    why: "You get this because a moderator verified you as an author on Daily Papers.",
    stopLabel: "Stop author emails",
    unsubscribeUrl: mail.unsubscribeUrl,
    settingsUrl: mail.settingsUrl,
    listId: `Daily Papers author notices <authors.${mail.host}>`,
  });
}
