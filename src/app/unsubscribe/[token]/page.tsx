import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SubscriptionPanel, textLink } from "@/components/subscription/subscription-panel";
import { buttonClasses } from "@/components/ui/button";
import { emailTokenSchema } from "@/lib/subscription";
import { db } from "@/server/db";
import { lookupManagedSubscription } from "@/server/subscriptions/manage";

export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer", robots: { index: false } };

/**
 * Where a digest's unsubscribe link leads. Opening it changes nothing (mail scanners follow links);
 * the button posts to the List-Unsubscribe URL, which comes back here once done.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const token = emailTokenSchema.safeParse((await params).token);
  if (!token.success) notFound();
  const subscription = await lookupManagedSubscription(db, token.data);
  if (!subscription) notFound();
  const preferences = (
    <Link href={`/preferences/${token.data}`} className={textLink}>
      email preferences
    </Link>
  );

  if (subscription.status === "UNSUBSCRIBED") {
    return (
      <SubscriptionPanel eyebrow="Email digest" title="You're unsubscribed">
        <p role="status">
          <strong className="wrap-anywhere text-gray-900 dark:text-gray-100">{subscription.email}</strong> will not receive any more
          digests.
        </p>
        <p className="mt-3 text-sm">Changed your mind? You can resubscribe from your {preferences}.</p>
      </SubscriptionPanel>
    );
  }
  return (
    <SubscriptionPanel eyebrow="Email digest" title="Unsubscribe from trending papers?">
      <p>
        Stop sending the digest to <strong className="wrap-anywhere text-gray-900 dark:text-gray-100">{subscription.email}</strong>.
      </p>
      <form method="post" action={`/api/unsubscribe/${token.data}`} className="mt-6">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <input type="hidden" name="from" value="page" />
        <button type="submit" autoFocus className={buttonClasses({ tone: "danger", className: "w-full" })}>
          Unsubscribe
        </button>
      </form>
      <p className="mt-4 text-sm text-gray-500 dark:text-gray-400">
        Rather get fewer emails? Switch to the weekly digest in your {preferences}.
      </p>
    </SubscriptionPanel>
  );
}
