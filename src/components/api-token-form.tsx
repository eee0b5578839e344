"use client";

import { useActionState } from "react";
import { ActionStatus } from "@/components/ui/action-status";
import { InputField } from "@/components/ui/input-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { SCOPE_LABELS } from "@/lib/api-token";
import { createApiTokenAction } from "@/server/tokens/actions";

/** "Make a token": its name and scope; the token itself is shown once, here. */
export function ApiTokenForm() {
  const [state, action, pending] = useActionState(createApiTokenAction, null);
  const errors = state?.ok === false ? (state.fields ?? {}) : {};
  return (
    <form onSubmit={submitKeepingFields(action)} aria-labelledby="new-token-heading" className="mt-4 flex max-w-xl flex-col gap-3">
      <h3 id="new-token-heading" className="font-semibold">
        Make a token
      </h3>
      <InputField label="Name" name="name" required maxLength={60} placeholder="Zotero sync" error={errors.name} />
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="font-medium">What it may do</legend>
        {(["READ", "WRITE"] as const).map((scope) => (
          <label key={scope} className="flex items-center gap-2">
            <input type="radio" name="scope" value={scope} defaultChecked={scope === "READ"} className="size-4" /> {SCOPE_LABELS[scope]}
          </label>
        ))}
        {errors.scope && <p className="text-red-700 dark:text-red-400">{errors.scope}</p>}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Making…" tone="secondary">
          Make token
        </SubmitButton>
        <ActionStatus state={state} />
      </div>
      {state?.ok && (
        <p className="rounded-lg bg-green-50 px-3 py-2 text-sm dark:bg-green-950">
          <code data-testid="new-api-token" className="break-all select-all">
            {state.token}
          </code>
        </p>
      )}
    </form>
  );
}
