"use client";

import { useOptimistic, useState, useTransition } from "react";
import { pluralNoun } from "@/lib/plural";
import { setQuestionVoteAction } from "@/server/groups/actions";

export interface QuestionVoteButtonProps {
  questionId: string;
  count: number;
  upvoted: boolean;
  /** Members may vote on others' questions; everyone else sees the count only. */
  canVote: boolean;
  /** Why the count is not a button: "your question", "join to vote". */
  reason?: string;
}

/** A question's upvote: shows the new count at once and rolls back with the reason if the server refuses. */
export function QuestionVoteButton({ questionId, count, upvoted, canVote, reason }: QuestionVoteButtonProps) {
  const [confirmed, setConfirmed] = useState({ count, upvoted });
  const [optimistic, setOptimistic] = useOptimistic(confirmed);
  const [, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  // A fresh server render (after a new question, or a reload) is the truth: adopt new props while rendering.
  const [rendered, setRendered] = useState({ count, upvoted });
  if (rendered.count !== count || rendered.upvoted !== upvoted) {
    setRendered({ count, upvoted });
    setConfirmed({ count, upvoted });
  }
  const label = `${optimistic.count} ${pluralNoun(optimistic.count, "upvote", "upvotes")}`;

  if (!canVote) {
    return (
      <span className="inline-flex min-w-14 flex-col items-center rounded-lg border border-gray-200 px-2 py-1 text-sm text-gray-600 dark:border-gray-800 dark:text-gray-400">
        <span className="font-semibold">{count}</span>
        <span className="sr-only">{pluralNoun(count, "upvote", "upvotes")}</span>
        {reason && <span className="text-xs">{reason}</span>}
      </span>
    );
  }

  function vote(next: boolean) {
    startTransition(async () => {
      setError(null);
      setOptimistic({ upvoted: next, count: optimistic.count + (next ? 1 : -1) });
      const result = await setQuestionVoteAction(questionId, next).catch(() => ({
        ok: false as const,
        message: "Your vote was not saved: we could not reach the server.",
      }));
      if (result.ok) setConfirmed({ count: result.state.upvotes, upvoted: result.state.upvoted });
      else setError(result.message);
    });
  }

  return (
    <div className="flex flex-col items-center gap-1">
      <button
        type="button"
        aria-pressed={optimistic.upvoted}
        // Starts with what the button shows, its count, as the paper cards' upvote buttons do.
        aria-label={`${label}, upvote this question`}
        onClick={() => vote(!optimistic.upvoted)}
        className="inline-flex min-w-14 flex-col items-center rounded-lg border border-gray-300 px-2 py-1 text-sm font-semibold text-gray-800 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800 dark:border-gray-700 dark:text-gray-100 dark:hover:bg-gray-800 dark:aria-pressed:border-indigo-400 dark:aria-pressed:bg-indigo-950 dark:aria-pressed:text-indigo-200"
      >
        <span aria-hidden="true">▲</span>
        <span data-testid="question-upvotes">{optimistic.count}</span>
      </button>
      {error && (
        <p role="alert" className="max-w-40 text-center text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
