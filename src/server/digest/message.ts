import "server-only";
import type { DigestPeriod } from "@/lib/digest-period";
import type { DigestContentPapers, DigestEmailRenderer } from "@/server/digest/email";
import type { OutgoingMail } from "@/server/email/mailer";
import type { SubscriptionLinks } from "@/server/subscriptions/links";

export interface DigestRecipient {
  deliveryId: string;
  subscriberId: string;
  email: string;
  manageToken: string;
}

/**
 * The Message-ID is derived from the delivery row, so every attempt of one delivery (including a
 * resend after a crash between SMTP acceptance and recording it) carries the same ID and receivers
 * that deduplicate on it show one message. The idempotency key names the same thing for people.
 */
function digestMessageId(deliveryId: string, siteUrl: string): string {
  return `digest.${deliveryId}@${new URL(siteUrl).hostname}`;
}

export interface DigestMailContext {
  period: DigestPeriod;
  render: DigestEmailRenderer;
  links: SubscriptionLinks;
  siteUrl: string;
}

export function buildDigestMail(
  recipient: DigestRecipient,
  selection: DigestContentPapers,
  { period, render, links, siteUrl }: DigestMailContext,
): OutgoingMail {
  const unsubscribeUrl = links.unsubscribe(recipient.manageToken);
  const email = render(selection, { preferencesUrl: links.preferences(recipient.manageToken), unsubscribeUrl });
  const host = new URL(siteUrl).hostname;
  return {
    to: recipient.email,
    ...email,
    messageId: digestMessageId(recipient.deliveryId, siteUrl),
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `Daily Papers ${period.cadence === "DAILY" ? "daily" : "weekly"} digest <${period.cadence.toLowerCase()}.digest.${host}>`,
      "X-Idempotency-Key": `digest:${period.cadence.toLowerCase()}:${period.key}:${recipient.subscriberId}`,
      "Auto-Submitted": "auto-generated",
    },
  };
}
