import "server-only";
import { escapeHtml } from "@/server/email/html";
import { palette, renderButton, renderEmailShell, renderLink } from "@/server/email/layout";
import type { OutgoingMail } from "@/server/email/mailer";

/**
 * next-auth mails a link to its callback endpoint; we mail a link to the confirmation page with
 * the same parameters instead, so a mail scanner that follows links cannot use up the token.
 */
export function confirmationUrl(nextAuthCallbackUrl: string, siteUrl: string): string {
  const callback = new URL(nextAuthCallbackUrl);
  const confirm = new URL("/auth/confirm", siteUrl);
  confirm.search = callback.search;
  return confirm.toString();
}

export function signInEmail(to: string, link: string, validForHours: number, siteName: string): OutgoingMail {
  const subject = `Sign in to ${siteName}`;
  const validity = validForHours === 1 ? "1 hour" : `${validForHours} hours`;
  const expiry = `The link works once and expires in ${validity}.`;
  const text = [
    subject,
    "",
    "Open this link to finish signing in:",
    link,
    "",
    expiry,
    "If you did not ask to sign in, ignore this email; nothing happens without a click on the page it opens.",
  ].join("\n");
  const html = renderEmailShell({
    title: subject,
    preheader: "One click to finish signing in.",
    bodyHtml: `<h1 class="dp-text" style="margin:0 0 12px;font-size:22px;line-height:1.3;color:${palette.text};">${escapeHtml(subject)}</h1>
<p class="dp-text" style="margin:0;color:${palette.text};">Click the button to finish signing in as <strong>${escapeHtml(to)}</strong>.</p>
${renderButton(link, "Sign in")}
<p class="dp-muted" style="margin:0;font-size:14px;color:${palette.muted};">${escapeHtml(expiry)} If you did not ask to sign in, ignore this email.</p>
<p class="dp-muted" style="margin:12px 0 0;font-size:13px;color:${palette.muted};word-break:break-all;">Button not working? Open ${renderLink(link, link)}</p>`,
    footerHtml: `Sent by ${escapeHtml(siteName)} because someone asked to sign in with this address.`,
  });
  return { to, subject, html, text };
}
