import "server-only";
import { escapeHtml } from "@/server/email/html";
import { palette, renderButton, renderEmailShell, renderLink } from "@/server/email/layout";
import type { OutgoingMail } from "@/server/email/mailer";

/** One email about a comment (a reply to the reader's, a new thread on their paper): what each kind says. */
export interface CommentNotice {
  to: string;
  subject: string;
  excerpt: string;
  commentUrl: string;
  /** The button: "Read the thread", "Read and reply". */
  actionLabel: string;
  /** How often these come, under the button and in the text. */
  frequency: string;
  /** Why the reader gets it, in the footer. */
  why: string;
  /** The one-click link's words: "Stop reply emails". */
  stopLabel: string;
  unsubscribeUrl: string;
  settingsUrl: string;
  /** RFC 2919 List-Id, so mail clients can filter and unsubscribe per kind. */
  listId: string;
}

/** The email, as text and HTML, with RFC 8058 one-click unsubscribe from this kind of email. */
export function commentNoticeEmail(notice: CommentNotice): OutgoingMail {
  const text = [
    notice.subject,
    "",
    notice.excerpt,
    "",
    `${notice.actionLabel}: ${notice.commentUrl}`,
    "",
    notice.frequency,
    `${notice.stopLabel}: ${notice.unsubscribeUrl}`,
    `Or switch them on /me: ${notice.settingsUrl}`,
  ].join("\n");
  const html = renderEmailShell({
    title: notice.subject,
    preheader: notice.excerpt,
    bodyHtml: `<h1 class="dp-text" style="margin:0 0 12px;font-size:20px;line-height:1.3;color:${palette.text};">${escapeHtml(notice.subject)}</h1>
<p class="dp-text" style="margin:0;color:${palette.text};white-space:pre-line;">${escapeHtml(notice.excerpt)}</p>
${renderButton(notice.commentUrl, notice.actionLabel)}
<p class="dp-muted" style="margin:0;font-size:13px;color:${palette.muted};">${escapeHtml(notice.frequency)}</p>`,
    footerHtml: `${escapeHtml(notice.why)} ${renderLink(notice.unsubscribeUrl, notice.stopLabel)} · ${renderLink(notice.settingsUrl, "Email settings")}`,
  });
  return {
    to: notice.to,
    subject: notice.subject,
    html,
    text,
    headers: {
      "List-Unsubscribe": `<${notice.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": notice.listId,
      "Auto-Submitted": "auto-generated",
    },
  };
}
