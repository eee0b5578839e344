"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitPaperAction } from "@/server/submissions/actions";

/** `initial`: an arXiv id to start with, e.g. from a paper page's "Submit it here". */
export function SubmitPaperForm({ initial = "" }: { initial?: string }) {
  const [state, action, pending] = useActionState(submitPaperAction, null);
  const inputId = useId();
  const hintId = useId();
  const messageId = useId();
  const failed = state?.ok === false;
  return (
    <div>
      <form action={action} className="flex flex-col gap-2">
        <label htmlFor={inputId} className="text-sm font-medium">
          arXiv id or link
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id={inputId}
            name="arxiv"
            required
            autoFocus
            autoComplete="off"
            spellCheck={false}
            defaultValue={failed ? state.input : initial}
            key={failed ? `failed-${state.input}` : "fresh"}
            placeholder="https://arxiv.org/abs/2401.00001"
            aria-invalid={failed || undefined}
            aria-describedby={`${hintId}${state ? ` ${messageId}` : ""}`}
            className="min-w-0 flex-1 rounded-lg border border-gray-300 bg-white px-3 py-2 font-mono text-sm outline-none focus-visible:border-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500/30 dark:border-gray-700 dark:bg-gray-900"
          />
          <SubmitButton pending={pending} pendingLabel="Asking arXiv…">
            Submit
          </SubmitButton>
        </div>
        <p id={hintId} className="text-sm text-gray-500 dark:text-gray-400">
          For example 2401.00001, arXiv:2401.00001v2, https://arxiv.org/abs/2401.00001 or hep-th/9901001.
        </p>
      </form>
      <div id={messageId} role="status" aria-live="polite" className="mt-4">
        {state?.ok === false && (
          <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{state.message}</p>
        )}
        {state?.ok && (
          <p
            data-testid="submission-result"
            className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-200"
          >
            {state.result.status === "added" ? "Added to today’s feed: " : "Already here: "}
            <Link href={`/papers/${state.result.paper.id}`} className="font-semibold underline">
              {state.result.paper.title}
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
