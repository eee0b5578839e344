"use client";

import { useEffect, useOptimistic, useState, useTransition } from "react";
import { pluralNoun } from "@/lib/plural";
import { setCommentVoteAction } from "@/server/comments/actions";

interface VoteState {
  count: number;
  upvoted: boolean;
}

const buttonClass =
  "inline-flex items-center gap-1 rounded px-1 font-medium tabular-nums transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500";

/**
 * Toggles the viewer's upvote of a comment (someone else's, live), showing the new count at once
 * and rolling back with the reason if the server refuses. The thread keeps its place until the
 * next visit, so nothing moves under the pointer.
 */
export function CommentVoteButton({ commentId, count, upvoted }: { commentId: string; count: number; upvoted: boolean }) {
  const [confirmed, setConfirmed] = useState<VoteState>({ count, upvoted });
  const [optimistic, setOptimistic] = useOptimistic(confirmed);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  // A fresh server render is the truth: adopt new props while rendering.
  const [rendered, setRendered] = useState<VoteState>({ count, upvoted });
  if (rendered.count !== count || rendered.upvoted !== upvoted) {
    setRendered({ count, upvoted });
    setConfirmed({ count, upvoted });
  }

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(null), 5000);
    return () => clearTimeout(timer);
  }, [error]);

  function toggle() {
    const next = !optimistic.upvoted;
    startTransition(async () => {
      setError(null);
      setOptimistic({ upvoted: next, count: optimistic.count + (next ? 1 : -1) });
      const result = await setCommentVoteAction(commentId, next).catch(() => ({
        ok: false as const,
        message: "Your vote was not saved: we could not reach the server.",
      }));
      if (result.ok) setConfirmed({ count: result.upvotes, upvoted: result.upvoted });
      else setError(result.message);
    });
  }

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
      <span
        role="status"
        aria-live="polite"
        className={
          error
            ? "absolute top-full left-0 z-10 mt-1 w-56 rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-800 shadow dark:bg-red-950 dark:text-red-200"
            : "sr-only"
        }
      >
        {error}
      </span>
    </span>
  );
}
