import type { Metadata } from "next";
import Link from "next/link";
import { SubscriptionPanel, textLink } from "@/components/subscription/subscription-panel";
import { buttonClasses } from "@/components/ui/button";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { CADENCE_LABELS, emailTokenSchema } from "@/lib/subscription";
import { db } from "@/server/db";
import { inspectConfirmationLink } from "@/server/subscriptions/confirm";

// The token is in this page's URL: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: "Confirm your subscription", referrer: "no-referrer", robots: { index: false } };

/**
 * Where the confirmation email's link lands. Opening it changes nothing (mail scanners follow
 * links); the button's POST confirms.
 */
export default async function ConfirmSubscriptionPage({ searchParams }: { searchParams: SearchParams }) {
  const token = emailTokenSchema.safeParse(firstParam((await searchParams).token));
  if (!token.success) return <InvalidLink />;
  const link = await inspectConfirmationLink(db, token.data, new Date());
  if (link.state === "invalid") return <InvalidLink />;
  if (link.state === "expired") {
    return (
      <SubscriptionPanel title="This link has expired">
        <p>Confirmation links work for a limited time. Subscribe again and we will send you a fresh one.</p>
        <Link href="/subscribe" className={buttonClasses({ className: "mt-5" })}>
          Subscribe again
        </Link>
      </SubscriptionPanel>
    );
  }
  return (
    <SubscriptionPanel eyebrow="Almost done" title="Confirm your subscription">
      <p>
        Send the <strong className="text-gray-900 dark:text-gray-100">{CADENCE_LABELS[link.cadence].name.toLowerCase()}</strong> trending
        papers digest to <strong className="wrap-anywhere text-gray-900 dark:text-gray-100">{link.email}</strong>?
      </p>
      <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">{CADENCE_LABELS[link.cadence].description}</p>
      <form method="post" action="/api/subscriptions/confirm" className="mt-6">
        <input type="hidden" name="token" value={token.data} />
        <button type="submit" autoFocus className={buttonClasses({ className: "w-full" })}>
          Confirm subscription
        </button>
      </form>
      <p className="mt-3 text-sm text-gray-500 dark:text-gray-400">
        Didn&apos;t ask for this? Close this page; nothing happens without the click.
      </p>
    </SubscriptionPanel>
  );
}

function InvalidLink() {
  return (
    <SubscriptionPanel title="This link does not work">
      <p>
        It may have been used already (then you are subscribed and there is nothing more to do), or it was not copied completely. Copy the
        whole link from the email, or subscribe again to get a new one.
      </p>
      <Link href="/subscribe" className={`${textLink} mt-4 inline-block`}>
        Go to the subscribe page
      </Link>
    </SubscriptionPanel>
  );
}
