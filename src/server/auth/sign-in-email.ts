import "server-only";
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

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

export function signInEmail(to: string, link: string, validForHours: number, siteName: string): OutgoingMail {
  const validity = validForHours === 1 ? "1 hour" : `${validForHours} hours`;
  const text = [
    `Sign in to ${siteName}`,
    "",
    "Open this link to finish signing in:",
    link,
    "",
    `The link works once and expires in ${validity}.`,
    "If you did not ask to sign in, ignore this email; nothing happens without a click on the page it opens.",
  ].join("\n");
  const html = `<!doctype html>
<html><body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111827;background:#f9fafb">
<table role="presentation" width="100%" style="max-width:480px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-radius:12px;padding:24px">
<tr><td>
<h1 style="font-size:20px;margin:0 0 12px">Sign in to ${escapeHtml(siteName)}</h1>
<p style="margin:0 0 20px;line-height:1.5">Click the button to finish signing in as <strong>${escapeHtml(to)}</strong>.</p>
<p style="margin:0 0 20px"><a href="${escapeHtml(link)}" style="display:inline-block;background:#111827;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:8px;font-weight:600">Sign in</a></p>
<p style="margin:0 0 8px;font-size:13px;color:#6b7280;line-height:1.5">The link works once and expires in ${validity}. If you did not ask to sign in, ignore this email.</p>
<p style="margin:0;font-size:12px;color:#9ca3af;word-break:break-all">${escapeHtml(link)}</p>
</td></tr></table>
</body></html>`;
  return { to, subject: `Sign in to ${siteName}`, html, text };
}
