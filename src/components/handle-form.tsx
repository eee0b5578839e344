"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { setHandleAction, type HandleState } from "@/server/accounts/actions";

/** Picks the public handle on /me; a plain form post without JavaScript. */
export function HandleForm({ current }: { current: string | null }) {
  const [state, action, pending] = useActionState<HandleState, FormData>(setHandleAction, null);
  const shown = state?.ok ? state.handle : current;
  return (
    <form action={action} className="mt-3 flex flex-col gap-2">
      <label htmlFor="handle" className="text-sm font-medium">
        Handle
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id="handle"
          name="handle"
          required
          minLength={3}
          maxLength={30}
          defaultValue={state && !state.ok ? state.input : (shown ?? "")}
          placeholder="e.g. ada-lovelace"
          aria-describedby="handle-help"
          className="w-60 rounded-lg border border-gray-300 bg-white px-3 py-1.5 text-sm placeholder:text-gray-500 dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400"
        />
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save handle
        </SubmitButton>
      </div>
      <p id="handle-help" className="text-sm text-gray-600 dark:text-gray-400">
        3 to 30 of a–z, 0–9 and hyphens. Your comments show it, and your profile is at /users/&lt;handle&gt;; your address is never shown.
      </p>
      {state?.ok && (
        <p role="status" className="text-sm font-medium text-green-700 dark:text-green-400">
          Saved: your profile is at /users/{state.handle}.
        </p>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
    </form>
  );
}
