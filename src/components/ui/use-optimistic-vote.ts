"use client";

import { useEffect, useOptimistic, useState, useTransition } from "react";

export interface VoteState {
  count: number;
  upvoted: boolean;
}

export type VoteResult = { ok: true; upvotes: number; upvoted: boolean } | { ok: false; message: string };

/**
 * An upvote control's state (a paper's, a comment's): the new count at once, the server's count
 * once it answers, rolled back with its reason (shown for 5 seconds) if refused. A fresh server
 * render (after any vote or a reload) is the truth.
 */
export function useOptimisticVote(initial: VoteState, send: (upvote: boolean) => Promise<VoteResult>) {
  const [confirmed, setConfirmed] = useState<VoteState>(initial);
  const [optimistic, setOptimistic] = useOptimistic(confirmed);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  // New props: adopt them while rendering.
  const [rendered, setRendered] = useState<VoteState>(initial);
  if (rendered.count !== initial.count || rendered.upvoted !== initial.upvoted) {
    setRendered(initial);
    setConfirmed(initial);
  }

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(null), 5000);
    return () => clearTimeout(timer);
  }, [error]);

  function vote(next: boolean) {
    startTransition(async () => {
      setError(null);
      setOptimistic({ upvoted: next, count: optimistic.count + (next ? 1 : -1) });
      const result = await send(next).catch((): VoteResult => ({
        ok: false,
        message: "Your vote was not saved: we could not reach the server.",
      }));
      if (result.ok) setConfirmed({ count: result.upvotes, upvoted: result.upvoted });
      else setError(result.message);
    });
  }

  return { optimistic, pending, error, vote };
}

/** Where a refused vote's reason shows: under the button, and read out. */
export const VOTE_ERROR_CLASS =
  "absolute top-full left-0 z-10 mt-1 w-56 rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-800 shadow dark:bg-red-950 dark:text-red-200";
