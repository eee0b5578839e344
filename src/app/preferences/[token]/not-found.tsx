import { UnknownSubscriptionLink } from "@/components/subscription/unknown-subscription-link";

export default function PreferencesNotFound() {
  return <UnknownSubscriptionLink />;
}
