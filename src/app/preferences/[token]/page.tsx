import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CadenceOption } from "@/components/subscription/cadence-option";
import { SubscriptionPanel, SuccessNote, textLink } from "@/components/subscription/subscription-panel";
import { buttonClasses } from "@/components/ui/button";
import { RadioCard } from "@/components/ui/radio-card";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { CADENCE_LABELS, CADENCES, DIGEST_CONTENT_LABELS, DIGEST_CONTENTS, emailTokenSchema } from "@/lib/subscription";
import { db } from "@/server/db";
import { lookupManagedSubscription } from "@/server/subscriptions/manage";

// The manage token is in this page's URL: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: "Email preferences", referrer: "no-referrer", robots: { index: false } };

const NOTES: Record<string, string> = {
  confirmed: "You're subscribed! Your first digest arrives with the next edition.",
  cadence: "Saved. Your next digest follows the new schedule.",
  content: "Saved. Your next digest has the new content.",
  unsubscribe: "You're unsubscribed. No more digests will be sent to this address.",
  resubscribe: "Welcome back! Your digests will start again with the next one.",
};

export default async function PreferencesPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: SearchParams;
}) {
  const token = emailTokenSchema.safeParse((await params).token);
  if (!token.success) notFound();
  const subscription = await lookupManagedSubscription(db, token.data);
  if (!subscription) notFound();
  const note = NOTES[firstParam((await searchParams).updated) ?? ""];
  const action = `/api/preferences/${token.data}`;

  return (
    <SubscriptionPanel eyebrow="Email digest" title="Your email preferences">
      {note && <SuccessNote>{note}</SuccessNote>}
      <p>
        Digest address: <strong className="wrap-anywhere text-gray-900 dark:text-gray-100">{subscription.email}</strong>
      </p>

      {subscription.status === "CONFIRMED" && (
        <>
          <form method="post" action={action} className="mt-6">
            <input type="hidden" name="intent" value="cadence" />
            <fieldset>
              <legend className="font-semibold text-gray-900 dark:text-gray-100">How often</legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {CADENCES.map((cadence) => (
                  <CadenceOption key={cadence} name="cadence" cadence={cadence} defaultChecked={subscription.cadence === cadence} />
                ))}
              </div>
            </fieldset>
            <button type="submit" className={buttonClasses({ className: "mt-4" })}>
              Save
            </button>
          </form>
          {subscription.linkedToAccount && (
            <form method="post" action={action} className="mt-8 border-t border-gray-200 pt-6 dark:border-gray-800">
              <input type="hidden" name="intent" value="content" />
              <fieldset>
                <legend className="font-semibold text-gray-900 dark:text-gray-100">What it holds</legend>
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  {DIGEST_CONTENTS.map((content) => (
                    <RadioCard
                      key={content}
                      name="content"
                      value={content}
                      label={DIGEST_CONTENT_LABELS[content].name}
                      description={DIGEST_CONTENT_LABELS[content].description}
                      defaultChecked={subscription.content === content}
                    />
                  ))}
                </div>
              </fieldset>
              <p className="mt-2 text-sm">
                Choose what you follow on{" "}
                <Link href="/me" className={textLink}>
                  your account page
                </Link>
                .
              </p>
              <button type="submit" className={buttonClasses({ className: "mt-4" })}>
                Save
              </button>
            </form>
          )}
          <form method="post" action={action} className="mt-8 border-t border-gray-200 pt-6 dark:border-gray-800">
            <input type="hidden" name="intent" value="unsubscribe" />
            <h2 className="font-semibold text-gray-900 dark:text-gray-100">Unsubscribe</h2>
            <p className="mt-1 text-sm">Stop all digest emails to this address. You can come back any time.</p>
            <button type="submit" className={buttonClasses({ tone: "secondary", className: "mt-3" })}>
              Unsubscribe
            </button>
          </form>
        </>
      )}

      {subscription.status === "UNSUBSCRIBED" && (
        <div className="mt-6">
          <p>You are unsubscribed and receive no digests.</p>
          {subscription.wasConfirmed ? (
            <form method="post" action={action} className="mt-4">
              <input type="hidden" name="intent" value="resubscribe" />
              <button type="submit" className={buttonClasses()}>
                Resubscribe ({CADENCE_LABELS[subscription.cadence].name.toLowerCase()})
              </button>
            </form>
          ) : (
            <Link href="/subscribe" className={`${textLink} mt-3 inline-block`}>
              Subscribe again
            </Link>
          )}
        </div>
      )}

      {subscription.status === "BOUNCED" && (
        <p className="mt-6">
          We stopped sending digests to {subscription.email} because mail to it could not be delivered. If the address works again,{" "}
          <Link href="/subscribe" className={textLink}>
            subscribe again
          </Link>{" "}
          and confirm from the email we send.
        </p>
      )}

      {subscription.status === "PENDING" && (
        <p className="mt-6">
          This subscription is waiting for confirmation. Click the link in the email we sent to {subscription.email}, or{" "}
          <Link href="/subscribe" className={textLink}>
            request a new one
          </Link>
          .
        </p>
      )}
    </SubscriptionPanel>
  );
}
