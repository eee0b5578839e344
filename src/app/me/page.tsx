import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ApiTokensPanel } from "@/components/api-tokens-panel";
import { DeleteAccountForm } from "@/components/delete-account-form";
import { ClearDefaultFilterForm } from "@/components/filter-bar/default-filter-controls";
import { FollowButtons } from "@/components/follow-buttons";
import { ForYouLearning } from "@/components/for-you-learning";
import { HandleForm } from "@/components/handle-form";
import { KeyboardShortcutsToggle } from "@/components/keyboard-shortcuts-toggle";
import { PaperCard } from "@/components/paper-card";
import { buttonClasses } from "@/components/ui/button";
import { siteUrl } from "@/env";
import { followReason } from "@/lib/follows";
import { describeFilter } from "@/lib/list-filter";
import { setAuthorNotificationsAction, setReplyNotificationsAction } from "@/server/accounts/actions";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { parseStoredFilter } from "@/server/filters/default-filter";
import { privateFeedAction } from "@/server/follows/actions";
import { listFollows } from "@/server/follows/follows";
import { describeLearning } from "@/server/recs/learned-summary";
import { findAccountSubscription } from "@/server/subscriptions/account-subscription";
import { listApiTokens } from "@/server/tokens/api-tokens";
import { listUpvotedPapers } from "@/server/votes/votes";

export const metadata: Metadata = { title: "Your account" };

const sectionClass = "mt-8 rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900";
const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

export default async function MePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/auth/signin?callbackUrl=%2Fme");
  const [papers, subscription, settings, follows, learning, tokens] = await Promise.all([
    listUpvotedPapers(db, user.id),
    findAccountSubscription(db, user.id),
    db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { replyNotifications: true, authorNotifications: true, forYouFeedToken: true, defaultFilter: true },
    }),
    listFollows(db, user.id),
    describeLearning(db, user.id, new Date()),
    listApiTokens(db, user.id),
  ]);
  const defaultFilter = parseStoredFilter(settings.defaultFilter);
  return (
    <div>
      <h1 className="text-2xl font-bold">Your account</h1>
      <p className="mt-1 text-gray-600 dark:text-gray-400">
        Signed in as <strong className="text-gray-900 dark:text-gray-100">{user.email ?? user.name}</strong>
      </p>

      <section aria-labelledby="profile-heading" className={sectionClass}>
        <h2 id="profile-heading" className="text-lg font-semibold">
          Public profile
        </h2>
        {user.handle ? (
          <p className="mt-2 text-gray-700 dark:text-gray-300">
            Your comments and submitted papers are listed at{" "}
            <Link href={`/users/${user.handle}`} className={linkClass}>
              /users/{user.handle}
            </Link>
            . Your upvotes stay private.
          </p>
        ) : (
          <p className="mt-2 text-gray-700 dark:text-gray-300">Pick a handle: until then your comments show a generated name.</p>
        )}
        <HandleForm current={user.handle} />
      </section>

      <p className="mt-4">
        <Link href="/me/library" className={linkClass}>
          Your library
        </Link>{" "}
        <span className="text-gray-600 dark:text-gray-400">(papers you saved, with private notes; export them as BibTeX, RIS or CSV)</span>{" "}
        ·{" "}
        <Link href="/me/collections" className={linkClass}>
          Your collections
        </Link>{" "}
        <span className="text-gray-600 dark:text-gray-400">(named lists to keep, share or publish)</span> ·{" "}
        <Link href="/papers/for-you" className={linkClass}>
          For you
        </Link>{" "}
        <span className="text-gray-600 dark:text-gray-400">(ranked by what you save and upvote)</span>
      </p>

      <section aria-labelledby="upvotes-heading" className="mt-8">
        <h2 id="upvotes-heading" className="text-lg font-semibold">
          Your upvotes {papers.length > 0 && <span className="text-gray-500 dark:text-gray-400">({papers.length})</span>}
        </h2>
        {papers.length === 0 ? (
          <p className="mt-2 text-gray-600 dark:text-gray-400">
            You haven&apos;t upvoted any papers yet. Browse{" "}
            <Link href="/" className={linkClass}>
              today&apos;s papers
            </Link>{" "}
            and press ▲ on the ones you like.
          </p>
        ) : (
          <ol className="mt-3 flex flex-col gap-4">
            {papers.map((paper) => (
              <li key={paper.id}>
                <PaperCard paper={paper} upvoted signedIn />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section id="follows" aria-labelledby="follows-heading" className={sectionClass}>
        <h2 id="follows-heading" className="text-lg font-semibold">
          What you follow
        </h2>
        {follows.length === 0 ? (
          <p className="mt-2 text-gray-700 dark:text-gray-300">
            Nothing yet. Follow organizations, authors and arXiv categories from their pages, and topics from a search, to fill{" "}
            <Link href="/papers/for-you" className={linkClass}>
              your feed
            </Link>
            .
          </p>
        ) : (
          <ul className="mt-3 flex flex-col gap-2">
            {follows.map((follow) => (
              <li key={`${follow.kind}:${follow.value}`} className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-gray-700 dark:text-gray-300">
                  {follow.muted ? `Not interested: ${follow.value}` : followReason(follow.kind, follow.value)}
                </span>
                <FollowButtons kind={follow.kind} value={follow.value} current={follow.muted ? "mute" : "follow"} signedIn />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="for-you" aria-labelledby="for-you-heading" className={sectionClass}>
        <h2 id="for-you-heading" className="text-lg font-semibold">
          What For you has learned
        </h2>
        <ForYouLearning summary={learning} />
      </section>

      <section id="default-filter" aria-labelledby="default-filter-heading" className={sectionClass}>
        <h2 id="default-filter-heading" className="text-lg font-semibold">
          Default filter
        </h2>
        {defaultFilter ? (
          <p data-testid="default-filter-summary" className="mt-2 text-gray-700 dark:text-gray-300">
            The main feed opens filtered: <strong className="text-gray-900 dark:text-gray-100">{describeFilter(defaultFilter)}</strong>.{" "}
            <Link href="/" className={linkClass}>
              Open the main feed
            </Link>
          </p>
        ) : (
          <p data-testid="default-filter-summary" className="mt-2 text-gray-700 dark:text-gray-300">
            None: the main feed shows every paper. Open the filter bar above a day&apos;s papers, filter them and choose “Save as my
            default”.
          </p>
        )}
        <ClearDefaultFilterForm hasDefault={defaultFilter !== null} />
      </section>

      <section aria-labelledby="private-feed-heading" className={sectionClass}>
        <h2 id="private-feed-heading" className="text-lg font-semibold">
          Private feed
        </h2>
        <p className="mt-2 text-gray-700 dark:text-gray-300">
          Read “For you” in a feed reader. The link is secret: anyone who has it can read your feed, so make a new one if it leaks.
        </p>
        {settings.forYouFeedToken && (
          <ul data-testid="private-feed-links" className="mt-2 text-sm break-all">
            <li>RSS: {new URL(`/papers/for-you/${settings.forYouFeedToken}/feed.xml`, siteUrl).toString()}</li>
            <li>JSON Feed: {new URL(`/papers/for-you/${settings.forYouFeedToken}/feed.json`, siteUrl).toString()}</li>
          </ul>
        )}
        <form action={privateFeedAction} className="mt-3 flex flex-wrap gap-2">
          <button type="submit" name="mode" value="rotate" className={buttonClasses({ size: "sm", tone: "secondary" })}>
            {settings.forYouFeedToken ? "Make a new link (the old one stops working)" : "Make a private feed link"}
          </button>
          {settings.forYouFeedToken && (
            <button type="submit" name="mode" value="revoke" className={buttonClasses({ size: "sm", tone: "secondary" })}>
              Turn the private feed off
            </button>
          )}
        </form>
      </section>

      <section aria-labelledby="keyboard-heading" className={sectionClass}>
        <h2 id="keyboard-heading" className="text-lg font-semibold">
          Keyboard
        </h2>
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
          On lists, j and k move between papers, o opens one, u upvotes, s saves, m marks read, x hides; ? shows them all. Kept in this
          browser.
        </p>
        <div className="mt-3">
          <KeyboardShortcutsToggle />
        </div>
      </section>

      <section aria-labelledby="replies-heading" className={sectionClass}>
        <h2 id="replies-heading" className="text-lg font-semibold">
          Comment emails
        </h2>
        <form action={setReplyNotificationsAction} className="mt-2 flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-gray-700 dark:text-gray-300">
            <input
              type="checkbox"
              name="replyNotifications"
              defaultChecked={settings.replyNotifications}
              className="size-4 accent-indigo-600"
            />
            Email me when someone replies to my comments (at most one email per thread an hour)
          </label>
          <button type="submit" className={buttonClasses({ size: "sm", tone: "secondary" })}>
            Save
          </button>
        </form>
        <form action={setAuthorNotificationsAction} className="mt-3 flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-gray-700 dark:text-gray-300">
            <input
              type="checkbox"
              name="authorNotifications"
              defaultChecked={settings.authorNotifications}
              className="size-4 accent-indigo-600"
            />
            Email me when someone starts a thread on a paper I am a verified author of (one email per thread)
          </label>
          <button type="submit" className={buttonClasses({ size: "sm", tone: "secondary" })}>
            Save
          </button>
        </form>
      </section>

      <section aria-labelledby="digest-heading" className={sectionClass}>
        <h2 id="digest-heading" className="text-lg font-semibold">
          Email digest
        </h2>
        <p className="mt-2 text-gray-700 dark:text-gray-300">
          {subscription?.status === "CONFIRMED" ? (
            <>
              You get the {subscription.cadence === "DAILY" ? "daily" : "weekly"} digest at {subscription.email}:{" "}
              {subscription.content === "TRENDING_AND_FOLLOWS" ? "trending papers and up to 5 from what you follow" : "trending papers"}.{" "}
              <Link href={subscription.preferencesPath} className={linkClass}>
                Change what and how often, or unsubscribe
              </Link>
            </>
          ) : subscription?.status === "PENDING" ? (
            <>We are waiting for you to confirm the subscription email sent to {subscription.email}.</>
          ) : (
            <>
              You are not subscribed.{" "}
              <Link href="/subscribe" className={linkClass}>
                Get the top papers by email
              </Link>
            </>
          )}
        </p>
      </section>

      <section id="tokens" aria-labelledby="tokens-heading" className={sectionClass}>
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Personal access tokens
        </h2>
        <ApiTokensPanel tokens={tokens} />
      </section>

      <section aria-labelledby="data-heading" className={sectionClass}>
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p className="mt-2 text-gray-700 dark:text-gray-300">
          Everything stored about you: account, sign-in methods, upvotes, submitted papers and digest subscription.
        </p>
        <a href="/me/export" download className={`mt-3 inline-block ${linkClass}`}>
          Download my data (JSON)
        </a>
      </section>

      <section
        aria-labelledby="delete-heading"
        className="mt-8 rounded-xl border border-red-200 bg-white p-5 dark:border-red-900/60 dark:bg-gray-900"
      >
        <h2 id="delete-heading" className="text-lg font-semibold text-red-700 dark:text-red-400">
          Delete account
        </h2>
        <p className="mt-2 text-gray-700 dark:text-gray-300">
          This removes your account, your upvotes (the papers&apos; counts go down accordingly) and your digest subscription. Papers you
          submitted stay in the feed. It cannot be undone.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
