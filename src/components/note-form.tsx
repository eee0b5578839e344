"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";

type NoteFormState = { ok: true } | { ok: false; message: string } | null;

export interface NoteFormProps<State extends NoteFormState> {
  /** The action that stores it: the library's private note, or a collection's note on a paper. */
  action: (previous: State, formData: FormData) => Promise<State>;
  /** Hidden fields the action reads (the paper's id, the collection's id). */
  fields: Record<string, string>;
  paperId: string;
  note: string | null;
  label: string;
  maxLength: number;
}

/** A note on a paper in a list, saved with a button; a plain form post without JavaScript. */
export function NoteForm<State extends NoteFormState>({ action, fields, paperId, note, label, maxLength }: NoteFormProps<State>) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, null as Awaited<State>);
  const id = `note-${paperId}`;
  return (
    <form action={formAction} className="mt-2 flex flex-col gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="text-xs font-medium text-gray-600 dark:text-gray-400">
        {label}
      </label>
      <textarea
        id={id}
        name="note"
        rows={2}
        maxLength={maxLength}
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
