import Link from "next/link";
import { SubscriptionPanel, textLink } from "@/components/subscription/subscription-panel";

/** The 404 of the preferences and unsubscribe pages: a token that matches no subscriber. */
export function UnknownSubscriptionLink() {
  return (
    <SubscriptionPanel eyebrow="404" title="This link does not match any subscription">
      <p>It was probably cut short or altered. Open the link from your most recent digest email again; nothing was changed.</p>
      <Link href="/subscribe" className={`${textLink} mt-4 inline-block`}>
        Go to the subscribe page
      </Link>
    </SubscriptionPanel>
  );
}
