import "server-only";
import { palette, renderButton, renderEmailShell, renderLink, type RenderedEmail } from "@/server/email/layout";

export interface AlreadySubscribedEmailInput {
  preferencesUrl: string;
  siteUrl: string;
}

/**
 * Sent instead of a confirmation when a confirmed address subscribes again: the web form answers
 * the same either way, so only the mailbox owner learns that the address was already subscribed.
 */
export function renderAlreadySubscribedEmail({ preferencesUrl, siteUrl }: AlreadySubscribedEmailInput): RenderedEmail {
  const subject = "You're already subscribed to Daily Papers";
  const ignore = "If you did not ask for this, you can ignore this email; nothing has changed.";
  const html = renderEmailShell({
    title: subject,
    preheader: "Nothing to do: your digest keeps coming.",
    bodyHtml: `<h1 class="dp-text" style="margin:0 0 12px;font-size:22px;line-height:1.3;color:${palette.text};">You're already subscribed</h1>
<p class="dp-text" style="margin:0;color:${palette.text};">This address already receives the trending papers digest, so nothing changed. To switch between daily and weekly, or to unsubscribe, open your preferences.</p>
${renderButton(preferencesUrl, "Manage preferences")}
<p class="dp-muted" style="margin:0;font-size:14px;color:${palette.muted};">${ignore}</p>`,
    footerHtml: `Sent by ${renderLink(siteUrl, "Daily Papers")}.`,
  });
  const text = [
    "You're already subscribed to Daily Papers",
    "",
    "This address already receives the trending papers digest, so nothing changed.",
    `Switch between daily and weekly, or unsubscribe: ${preferencesUrl}`,
    "",
    ignore,
    "",
    `-- Daily Papers, ${siteUrl}`,
  ].join("\n");
  return { subject, html, text };
}
