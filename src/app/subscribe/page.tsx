import type { Metadata } from "next";
import { SubscribeForm } from "@/components/subscribe-form";
import { SubscriptionPanel } from "@/components/subscription/subscription-panel";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata: Metadata = {
  title: "Get trending papers by email",
  description: "The most upvoted new research papers in your inbox, every weekday or once a week.",
};

export default async function SubscribePage() {
  const user = await getCurrentUser();
  return (
    <SubscriptionPanel eyebrow="Email digest" title="Get trending papers in your email inbox">
      <p>
        The papers the community upvoted most, with a short abstract and links, delivered every weekday morning or once a week. Papers you
        have already received never come twice, and every email has a one-click unsubscribe.
      </p>
      <div className="mt-6">
        <SubscribeForm accountEmail={user?.email ?? null} />
      </div>
    </SubscriptionPanel>
  );
}
