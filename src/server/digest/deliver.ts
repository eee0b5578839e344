import "server-only";
import { emailAddressSchema } from "@/lib/email-address";
import type { DeliveryFailure, RunContext, TrendingDigestReport } from "@/server/digest/digest-run";
import type { DigestContentPapers } from "@/server/digest/email";
import { buildDigestMail, type DigestMailContext } from "@/server/digest/message";
import { recordFailure, recordHandOff, recordSent, type ClaimedDelivery } from "@/server/digest/queue";
import { suppressBouncedAddress } from "@/server/subscriptions/suppress";

/**
 * Sends one claimed delivery and records the outcome. The address is checked again first: a row
 * changed behind the app's back (`victim@x\r\nBcc: ...`) is failed, never sent. A permanent SMTP
 * refusal (5xx) is not retried and suppresses the address; anything else is retried with backoff.
 */
export async function deliver(
  context: RunContext,
  delivery: ClaimedDelivery,
  selection: DigestContentPapers,
  mailContext: DigestMailContext,
): Promise<void> {
  const { db, settings, report } = context;
  const failFor = async (error: string) => {
    await recordFailure(db, delivery.id, { error, retryAt: null });
    noteFailure(report, { subscriberId: delivery.subscriberId, email: delivery.email, attempts: delivery.attempts, error });
  };

  const address = emailAddressSchema.safeParse(delivery.email);
  if (!address.success) return failFor(`The stored address is not valid (${address.error.issues[0]?.message}); nothing was sent.`);
  // Another run took the claim over (this one was too slow to start sending it): it is theirs now.
  if (!(await recordHandOff(db, delivery.id, context.runId, context.now()))) return;

  const mail = buildDigestMail(
    { deliveryId: delivery.id, subscriberId: delivery.subscriberId, email: address.data, manageToken: delivery.manageToken },
    selection,
    mailContext,
  );
  let messageId: string;
  try {
    ({ messageId } = await context.mailer.send(mail));
  } catch (error) {
    const message = describeSendError(error);
    if (isPermanentSmtpFailure(error)) {
      await suppressBouncedAddress(db, { subscriberId: delivery.subscriberId }, message, context.now());
      return failFor(message);
    }
    if (delivery.attempts >= settings.maxAttempts) return failFor(message);
    await recordFailure(db, delivery.id, {
      error: message,
      retryAt: new Date(context.now().getTime() + settings.retryDelayMs(delivery.attempts)),
    });
    report.retried += 1;
    return;
  }
  await recordSent(db, delivery.id, {
    messageId,
    paperIds: [...selection.trending, ...selection.followed].map((paper) => paper.id),
    at: context.now(),
  });
  report.sent += 1;
}

const LISTED_FAILURES = 100;

export function noteFailure(report: TrendingDigestReport, failure: DeliveryFailure): void {
  report.failed += 1;
  if (report.failures.length < LISTED_FAILURES) report.failures.push(failure);
}

function smtpCode(error: unknown): number | undefined {
  return error instanceof Error ? (error as { responseCode?: number }).responseCode : undefined;
}

/** 5xx answers are final (no such mailbox, rejected); 4xx and network errors may clear up. */
function isPermanentSmtpFailure(error: unknown): boolean {
  const code = smtpCode(error);
  return code !== undefined && code >= 500 && code < 600;
}

function describeSendError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = smtpCode(error);
  return (code ? `SMTP ${code}: ` : "") + error.message.slice(0, 500);
}
