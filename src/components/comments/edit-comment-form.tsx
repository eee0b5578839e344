"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { COMMENT_MAX_CHARACTERS } from "@/lib/comments";
import { deleteCommentAction, editCommentAction, type CommentFormState } from "@/server/comments/actions";

const textareaClass =
  "block w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-offset-1 focus:outline-indigo-500 dark:border-gray-700 dark:bg-gray-900";

/** "Edit" and "Delete" under one's own comment; both are plain form posts without JavaScript. */
export function OwnCommentControls({ paperId, commentId, body }: { paperId: string; commentId: string; body: string }) {
  const [edited, edit, saving] = useActionState<CommentFormState, FormData>(editCommentAction, null);
  const [deleted, remove, deleting] = useActionState<CommentFormState, FormData>(deleteCommentAction, null);
  const error = (edited && !edited.ok && edited.message) || (deleted && !deleted.ok && deleted.message);
  return (
    <div className="mt-1 flex flex-wrap items-start gap-x-3 text-xs">
      <details key={edited?.ok ? edited.postedAt : "editing"} className="group min-w-0 flex-1 basis-full sm:basis-auto">
        <summary className="inline-block cursor-pointer py-1 text-gray-600 hover:text-gray-900 dark:text-gray-400 dark:hover:text-gray-100">
          Edit
        </summary>
        <form action={edit} className="mt-1 flex flex-col gap-2">
          <input type="hidden" name="paperId" value={paperId} />
          <input type="hidden" name="commentId" value={commentId} />
          <label htmlFor={`edit-${commentId}`} className="sr-only">
            Edit your comment
          </label>
          <textarea
            id={`edit-${commentId}`}
            name="body"
            required
            rows={3}
            maxLength={COMMENT_MAX_CHARACTERS * 2}
            defaultValue={edited && !edited.ok ? edited.body : body}
            className={textareaClass}
          />
          <div>
            <SubmitButton pending={saving} pendingLabel="Saving…">
              Save
            </SubmitButton>
          </div>
        </form>
      </details>
      <form action={remove}>
        <input type="hidden" name="paperId" value={paperId} />
        <input type="hidden" name="commentId" value={commentId} />
        <button
          type="submit"
          disabled={deleting}
          className="inline-block py-1 text-gray-600 hover:text-red-700 disabled:opacity-60 dark:text-gray-400 dark:hover:text-red-400"
        >
          {deleting ? "Deleting…" : "Delete"}
        </button>
      </form>
      {error && (
        <p role="alert" className="basis-full text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
