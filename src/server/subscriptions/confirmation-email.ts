import "server-only";
import { CADENCE_LABELS, type Cadence } from "@/lib/subscription";
import { escapeHtml } from "@/server/email/html";
import { palette, renderButton, renderEmailShell, renderLink, type RenderedEmail } from "@/server/email/layout";

export interface ConfirmationEmailInput {
  confirmUrl: string;
  cadence: Cadence;
  validHours: number;
  siteUrl: string;
}

export function renderConfirmationEmail({ confirmUrl, cadence, validHours, siteUrl }: ConfirmationEmailInput): RenderedEmail {
  const subject = "Confirm your Daily Papers subscription";
  const schedule = CADENCE_LABELS[cadence].description;
  const expiry = `This link works for ${validHours} hours.`;
  const ignore = "If you did not ask for this, ignore this email: you will not be subscribed.";
  const html = renderEmailShell({
    title: subject,
    preheader: "One click to start receiving trending papers.",
    bodyHtml: `<h1 class="dp-text" style="margin:0 0 12px;font-size:22px;line-height:1.3;color:${palette.text};">Confirm your subscription</h1>
<p class="dp-text" style="margin:0;color:${palette.text};">Someone (hopefully you) asked to receive the trending papers digest at this address.</p>
<p class="dp-muted" style="margin:12px 0 0;color:${palette.muted};"><strong>${escapeHtml(CADENCE_LABELS[cadence].name)}</strong>: ${escapeHtml(schedule)}</p>
${renderButton(confirmUrl, "Confirm subscription")}
<p class="dp-muted" style="margin:0;font-size:14px;color:${palette.muted};">${escapeHtml(expiry)} ${escapeHtml(ignore)}</p>
<p class="dp-muted" style="margin:12px 0 0;font-size:13px;color:${palette.muted};word-break:break-all;">Button not working? Open ${renderLink(confirmUrl, confirmUrl)}</p>`,
    footerHtml: `Sent by ${renderLink(siteUrl, "Daily Papers")} because this address was entered on the subscribe page.`,
  });
  const text = [
    "Confirm your Daily Papers subscription",
    "",
    "Someone (hopefully you) asked to receive the trending papers digest at this address.",
    `${CADENCE_LABELS[cadence].name}: ${schedule}`,
    "",
    `Confirm: ${confirmUrl}`,
    "",
    `${expiry} ${ignore}`,
    "",
    `-- Daily Papers, ${siteUrl}`,
  ].join("\n");
  return { subject, html, text };
}
