"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { rememberPendingUpvote, takePendingUpvote } from "@/components/pending-upvote";
import { useOptimisticVote, VOTE_ERROR_CLASS } from "@/components/ui/use-optimistic-vote";
import { pluralNoun } from "@/lib/plural";
import { setUpvoteAction } from "@/server/votes/actions";

export interface UpvoteButtonProps {
  paperId: string;
  count: number;
  upvoted: boolean;
  signedIn: boolean;
}

/**
 * Toggles the viewer's upvote, showing the new state at once and rolling back if the server
 * refuses. Signed-out viewers are sent to sign in and brought back to this page.
 */
export function UpvoteButton({ paperId, count, upvoted, signedIn }: UpvoteButtonProps) {
  const router = useRouter();
  const { optimistic, pending, error, vote } = useOptimisticVote({ count, upvoted }, (next) => setUpvoteAction(paperId, next));

  // Back from signing in: the upvote pressed before counts now.
  useEffect(() => {
    if (signedIn && !upvoted && takePendingUpvote(paperId)) vote(true);
    // Once per paper and sign-in state; `vote` changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn, paperId]);

  function toggle() {
    if (!signedIn) {
      rememberPendingUpvote(paperId);
      const here = `${window.location.pathname}${window.location.search}`;
      router.push(`/auth/signin?callbackUrl=${encodeURIComponent(here)}`);
      return;
    }
    vote(!optimistic.upvoted);
  }

  const action = signedIn ? (optimistic.upvoted ? "remove your upvote" : "upvote") : "sign in to upvote";
  return (
    <div className="relative">
      <button
        type="button"
        data-testid="upvote-button"
        aria-pressed={optimistic.upvoted}
        // The visible count comes first, exactly as it reads on screen (WCAG 2.5.3, label in name).
        aria-label={`${optimistic.count} ${pluralNoun(optimistic.count, "upvote", "upvotes")}, ${action}`}
        title={action.charAt(0).toUpperCase() + action.slice(1)}
        onClick={toggle}
        aria-busy={pending || undefined}
        className={`flex w-14 flex-col items-center rounded-lg border py-2 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 ${
          optimistic.upvoted
            ? "border-indigo-500 bg-indigo-50 text-indigo-700 dark:border-indigo-400 dark:bg-indigo-500/15 dark:text-indigo-300"
            : "border-gray-200 hover:border-gray-400 hover:bg-gray-50 dark:border-gray-700 dark:hover:border-gray-500 dark:hover:bg-gray-900"
        }`}
      >
        <span aria-hidden className="text-xs">
          ▲
        </span>
        <span data-testid="paper-upvotes" className="font-semibold tabular-nums">
          {optimistic.count}
        </span>
      </button>
      <p role="status" aria-live="polite" className={error ? VOTE_ERROR_CLASS : "sr-only"}>
        {error}
      </p>
    </div>
  );
}
