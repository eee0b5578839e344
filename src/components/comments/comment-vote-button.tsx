"use client";

import { useOptimisticVote, VOTE_ERROR_CLASS } from "@/components/ui/use-optimistic-vote";
import { pluralNoun } from "@/lib/plural";
import { setCommentVoteAction } from "@/server/comments/actions";

const buttonClass =
  "inline-flex items-center gap-1 rounded px-1 font-medium tabular-nums transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500";

/**
 * Toggles the viewer's upvote of a comment (someone else's, live), showing the new count at once
 * and rolling back with the reason if the server refuses. The thread keeps its place until the
 * next visit, so nothing moves under the pointer.
 */
export function CommentVoteButton({ commentId, count, upvoted }: { commentId: string; count: number; upvoted: boolean }) {
  const { optimistic, pending, error, vote } = useOptimisticVote({ count, upvoted }, (next) => setCommentVoteAction(commentId, next));
  const toggle = () => vote(!optimistic.upvoted);

  const action = optimistic.upvoted ? "remove your upvote" : "upvote";
  return (
    <span className="relative inline-flex">
      <button
        type="button"
        data-testid="comment-upvote"
        aria-pressed={optimistic.upvoted}
        // The visible count comes first, exactly as it reads on screen (WCAG 2.5.3, label in name).
        aria-label={`${optimistic.count} ${pluralNoun(optimistic.count, "upvote", "upvotes")}, ${action}`}
        title={action.charAt(0).toUpperCase() + action.slice(1)}
        aria-busy={pending || undefined}
        onClick={toggle}
        className={`${buttonClass} ${
          optimistic.upvoted
            ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300"
            : "text-gray-600 hover:bg-gray-100 hover:text-gray-900 dark:text-gray-400 dark:hover:bg-gray-800 dark:hover:text-gray-100"
        }`}
      >
        <span aria-hidden>▲</span>
        {optimistic.count}
      </button>
      <span role="status" aria-live="polite" className={error ? VOTE_ERROR_CLASS : "sr-only"}>
        {error}
      </span>
    </span>
  );
}
