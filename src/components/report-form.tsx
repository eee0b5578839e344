"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { reportAction, type ReportState } from "@/server/moderation/actions";

export interface ReportFormProps {
  /** What is reported: a comment, a public collection, or else the paper. */
  commentId?: string;
  collectionId?: string;
  paperId?: string;
  /** "Report" under a comment, "Report this paper" on the paper page. */
  summary: string;
}

/** Tells the moderators what is wrong with a comment, a paper or a collection; a plain form post without JavaScript. */
export function ReportForm({ commentId, collectionId, paperId, summary }: ReportFormProps) {
  const [state, action, pending] = useActionState<ReportState, FormData>(reportAction, null);
  const id = `report-${commentId ?? collectionId ?? paperId}`;
  if (state?.ok) {
    return (
      <p role="status" className="py-1 text-xs text-gray-600 dark:text-gray-400">
        {state.message}
      </p>
    );
  }
  return (
    <details className="text-xs">
      <summary className="inline-block cursor-pointer py-1 text-gray-600 hover:text-gray-900 dark:text-gray-400 dark:hover:text-gray-100">
        {summary}
      </summary>
      <form action={action} className="mt-1 flex max-w-md flex-col gap-2">
        {commentId && <input type="hidden" name="commentId" value={commentId} />}
        {collectionId && <input type="hidden" name="collectionId" value={collectionId} />}
        {paperId && !commentId && <input type="hidden" name="paperId" value={paperId} />}
        <label htmlFor={id} className="font-medium">
          What is wrong?
        </label>
        <textarea
          id={id}
          name="reason"
          required
          rows={2}
          maxLength={500}
          defaultValue={state && !state.ok ? state.reason : ""}
          placeholder="Spam, abuse, not a research paper…"
          className="block w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm placeholder:text-gray-500 dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400"
        />
        {state && !state.ok && (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {state.message}
          </p>
        )}
        <div>
          <SubmitButton pending={pending} pendingLabel="Sending…">
            Send report
          </SubmitButton>
        </div>
      </form>
    </details>
  );
}
