"use client";

import { useActionState, useId } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { deleteAccountAction } from "@/server/accounts/actions";

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  const inputId = useId();
  const errorId = useId();
  return (
    <form action={action} className="mt-3 flex flex-col gap-2 sm:max-w-md">
      <label htmlFor={inputId} className="text-sm">
        Type <strong className="font-semibold">delete my account</strong> to confirm:
      </label>
      <input
        id={inputId}
        name="confirmation"
        autoComplete="off"
        required
        aria-invalid={state ? true : undefined}
        aria-describedby={state ? errorId : undefined}
        className="rounded-lg border border-gray-300 bg-white px-3 py-2 outline-none focus-visible:border-red-500 focus-visible:ring-2 focus-visible:ring-red-500/30 dark:border-gray-700 dark:bg-gray-900"
      />
      {state && (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
      <SubmitButton pending={pending} pendingLabel="Deleting…" tone="danger" className="self-start">
        Delete my account
      </SubmitButton>
    </form>
  );
}
