import "server-only";
import { escapeHtml } from "@/server/email/html";
import { palette, renderButton, renderEmailShell, renderLink } from "@/server/email/layout";
import type { OutgoingMail } from "@/server/email/mailer";

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
  const subject = `${mail.commenter} started a thread on your paper “${mail.paperTitle}”`;
  const text = [
    subject,
    "",
    mail.excerpt,
    "",
    `Read and reply: ${mail.commentUrl}`,
    "",
    "You get one of these per new thread on papers you are a verified author of.",
    `Stop author emails: ${mail.unsubscribeUrl}`,
    `Or switch them on /me: ${mail.settingsUrl}`,
  ].join("\n");
  const html = renderEmailShell({
    title: subject,
    preheader: mail.excerpt,
    bodyHtml: `<h1 class="dp-text" style="margin:0 0 12px;font-size:20px;line-height:1.3;color:${palette.text};">${escapeHtml(subject)}</h1>
<p class="dp-text" style="margin:0;color:${palette.text};white-space:pre-line;">${escapeHtml(mail.excerpt)}</p>
${renderButton(mail.commentUrl, "Read and reply")}
<p class="dp-muted" style="margin:0;font-size:13px;color:${palette.muted};">You get one of these per new thread on papers you are a verified author of.</p>`,
    footerHtml: `You get this because a moderator verified you as an author on Daily Papers. ${renderLink(mail.unsubscribeUrl, "Stop author emails")} · ${renderLink(mail.settingsUrl, "Email settings")}`,
  });
  return {
    to: mail.to,
    subject,
    html,
    text,
    headers: {
      "List-Unsubscribe": `<${mail.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `Daily Papers author notices <authors.${mail.host}>`,
      "Auto-Submitted": "auto-generated",
    },
  };
}
