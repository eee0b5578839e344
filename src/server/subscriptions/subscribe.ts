import "server-only";
import { AppError } from "@/lib/errors";
import type { Cadence } from "@/lib/subscription";
import { SIGN_IN_LIMITS } from "@/server/auth/sign-in-limits";
import type { Db } from "@/server/db";
import { enforceRateLimit } from "@/server/http/rate-limit";
import { lockAddress } from "@/server/subscriptions/address-lock";
import { renderAlreadySubscribedEmail } from "@/server/subscriptions/already-subscribed-email";
import { renderConfirmationEmail } from "@/server/subscriptions/confirmation-email";
import type { SubscriptionContext } from "@/server/subscriptions/context";
import { subscriptionLinks } from "@/server/subscriptions/links";
import { hashEmailToken, newEmailToken } from "@/server/subscriptions/tokens";

// The same limits as sign-in links, for the same reasons: both mail a link to an address typed
// by anyone, and the address limit is per client so a stranger cannot use up the owner's.
async function admitSubscribeRequest(db: Db, email: string, ip: string, now: Date): Promise<void> {
  await enforceRateLimit(
    db,
    `subscribe:ip:${ip}`,
    SIGN_IN_LIMITS.perIp,
    (wait) => `Too many subscription requests came from your network. Try again in ${wait}.`,
    now,
  );
  await enforceRateLimit(
    db,
    `subscribe:email:${email}:ip:${ip}`,
    SIGN_IN_LIMITS.perAddress,
    (wait) => `We already sent several emails to ${email}. Try again in ${wait}.`,
    now,
  );
}

type Outcome = { kind: "confirm"; token: string } | { kind: "already-subscribed"; manageToken: string };

/**
 * Double opt-in: records a pending subscription and mails a confirmation link. A confirmed address
 * is left untouched (so nobody can change someone else's cadence) and gets a "you're already
 * subscribed" note instead; the caller answers the same in every case, revealing nothing.
 */
export async function subscribeByEmail(ctx: SubscriptionContext, input: { email: string; cadence: Cadence; ip: string }): Promise<void> {
  const { db, now } = ctx;
  await admitSubscribeRequest(db, input.email, input.ip, now);
  const outcome = await db.$transaction(async (tx): Promise<Outcome> => {
    await lockAddress(tx, input.email);
    const existing = await tx.subscriber.findUnique({
      where: { email: input.email },
      select: { id: true, status: true, manageToken: true },
    });
    if (existing?.status === "CONFIRMED") return { kind: "already-subscribed", manageToken: existing.manageToken };
    const token = newEmailToken();
    const pending = {
      status: "PENDING" as const,
      cadence: input.cadence,
      confirmTokenHash: hashEmailToken(token),
      confirmExpiresAt: new Date(now.getTime() + ctx.linkTtlHours * 3_600_000),
    };
    if (existing) await tx.subscriber.update({ where: { id: existing.id }, data: pending });
    else await tx.subscriber.create({ data: { email: input.email, manageToken: newEmailToken(), ...pending } });
    return { kind: "confirm", token };
  });

  const links = subscriptionLinks(ctx.siteUrl);
  const email =
    outcome.kind === "confirm"
      ? renderConfirmationEmail({
          confirmUrl: links.confirm(outcome.token),
          cadence: input.cadence,
          validHours: ctx.linkTtlHours,
          siteUrl: links.home,
        })
      : renderAlreadySubscribedEmail({ preferencesUrl: links.preferences(outcome.manageToken), siteUrl: links.home });
  try {
    await ctx.mailer.send({ to: input.email, ...email });
  } catch (error) {
    console.error(`Subscription email to ${input.email} failed:`, error);
    throw new AppError("UPSTREAM_UNAVAILABLE", "We could not send the confirmation email just now. Please try again in a few minutes.");
  }
}
