"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveNoteAction, type NoteState } from "@/server/library/actions";

/** The private note on a library entry; a plain form post without JavaScript. */
export function LibraryNoteForm({ paperId, note }: { paperId: string; note: string | null }) {
  const [state, action, pending] = useActionState<NoteState, FormData>(saveNoteAction, null);
  const id = `note-${paperId}`;
  return (
    <form action={action} className="mt-2 flex flex-col gap-2">
      <input type="hidden" name="paperId" value={paperId} />
      <label htmlFor={id} className="text-xs font-medium text-gray-600 dark:text-gray-400">
        Private note
      </label>
      <textarea
        id={id}
        name="note"
        rows={2}
        maxLength={2000}
        defaultValue={note ?? ""}
        className="block w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm dark:border-gray-700 dark:bg-gray-900"
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…" tone="secondary">
          Save note
        </SubmitButton>
        {state?.ok && (
          <span role="status" className="text-sm text-green-700 dark:text-green-400">
            Saved.
          </span>
        )}
        {state && !state.ok && (
          <span role="alert" className="text-sm text-red-700 dark:text-red-400">
            {state.message}
          </span>
        )}
      </div>
    </form>
  );
}
