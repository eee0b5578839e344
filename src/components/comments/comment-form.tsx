"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { COMMENT_MAX_CHARACTERS } from "@/lib/comments";
import { postCommentAction, type CommentFormState } from "@/server/comments/actions";

export interface CommentFormProps {
  paperId: string;
  /** The comment answered (a reply), or none for a new thread. */
  replyTo?: string;
  label: string;
  submitLabel: string;
}

const textareaClass =
  "block w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm placeholder:text-gray-500 focus:border-indigo-500 focus:outline-2 focus:outline-offset-1 focus:outline-indigo-500 dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400";

/**
 * Posts a comment or a reply. Without JavaScript it is a plain form post; with it, the text shows
 * at once as "Posting…" and comes back into the field with the reason if the server refuses it.
 */
export function CommentForm({ paperId, replyTo, label, submitLabel }: CommentFormProps) {
  const [state, action, pending] = useActionState<CommentFormState, FormData>(postCommentAction, null);
  const [posting, setPosting] = useState("");
  const id = replyTo ? `reply-to-${replyTo}` : "new-comment";
  return (
    <form
      action={action}
      onSubmit={(event) => setPosting(String(new FormData(event.currentTarget).get("body") ?? ""))}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="paperId" value={paperId} />
      {replyTo && <input type="hidden" name="replyTo" value={replyTo} />}
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        // A fresh, empty field after each accepted comment; the refused text otherwise.
        key={state?.ok ? state.postedAt : "draft"}
        id={id}
        name="body"
        required
        rows={replyTo ? 2 : 3}
        maxLength={COMMENT_MAX_CHARACTERS * 2}
        defaultValue={state && !state.ok ? state.body : ""}
        placeholder="Markdown and $math$ work. Mention an arXiv id to link it."
        aria-describedby={state && !state.ok ? `${id}-error` : undefined}
        className={textareaClass}
      />
      {pending && posting && (
        <p
          data-testid="comment-posting"
          className="rounded-lg border border-dashed border-gray-300 p-2 text-sm whitespace-pre-wrap text-gray-600 dark:border-gray-700 dark:text-gray-400"
        >
          Posting… {posting}
        </p>
      )}
      {state && !state.ok && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
      <div>
        <SubmitButton pending={pending} pendingLabel="Posting…">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
