import "server-only";
import { escapeHtml } from "@/server/email/html";
import { palette, renderButton, renderEmailShell, renderLink } from "@/server/email/layout";
import type { OutgoingMail } from "@/server/email/mailer";

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
  const subject = `${reply.replier} replied to your comment on “${reply.paperTitle}”`;
  const text = [
    subject,
    "",
    reply.excerpt,
    "",
    `Read the thread: ${reply.commentUrl}`,
    "",
    "You get at most one of these per thread an hour.",
    `Stop reply emails: ${reply.unsubscribeUrl}`,
    `Or switch them on /me: ${reply.settingsUrl}`,
  ].join("\n");
  const html = renderEmailShell({
    title: subject,
    preheader: reply.excerpt,
    bodyHtml: `<h1 class="dp-text" style="margin:0 0 12px;font-size:20px;line-height:1.3;color:${palette.text};">${escapeHtml(subject)}</h1>
<p class="dp-text" style="margin:0;color:${palette.text};white-space:pre-line;">${escapeHtml(reply.excerpt)}</p>
${renderButton(reply.commentUrl, "Read the thread")}
<p class="dp-muted" style="margin:0;font-size:13px;color:${palette.muted};">You get at most one of these per thread an hour.</p>`,
    footerHtml: `You get this because you commented on Daily Papers. ${renderLink(reply.unsubscribeUrl, "Stop reply emails")} · ${renderLink(reply.settingsUrl, "Email settings")}`,
  });
  return {
    to: reply.to,
    subject,
    html,
    text,
    headers: {
      "List-Unsubscribe": `<${reply.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `Daily Papers replies <replies.${reply.host}>`,
      "Auto-Submitted": "auto-generated",
    },
  };
}
