import Link from "next/link";
import { DismissBannerButton } from "@/components/dismiss-banner-button";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { isConfirmedSubscriber } from "@/server/subscriptions/account-subscription";

/**
 * "Trending papers by email", above the feed. Not shown to a signed-in reader who already gets the
 * digest. Signed-out pages are shared by every reader (the page cache), so there it stays, and a
 * reader who subscribed without signing in dismisses it (remembered in this browser).
 */
export async function SubscribeBanner() {
  const user = await getCurrentUser();
  if (user && (await isConfirmedSubscriber(db, user))) return null;
  return (
    <aside
      data-subscribe-banner
      aria-label="Email digest"
      className="flex items-center gap-3 rounded-xl border border-indigo-200 bg-indigo-50 py-2 pr-2 pl-4 dark:border-indigo-900 dark:bg-indigo-950/50"
    >
      <p className="min-w-0 flex-1 text-sm font-medium text-indigo-900 dark:text-indigo-200">
        <span className="mr-2 hidden rounded bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold text-white uppercase sm:inline">new</span>
        <span className="sm:hidden">Trending papers by email</span>
        <span className="hidden sm:inline">Get trending papers in your email inbox!</span>
      </p>
      <Link href="/subscribe" className={buttonClasses({ size: "sm" })}>
        Subscribe
      </Link>
      <DismissBannerButton />
    </aside>
  );
}
