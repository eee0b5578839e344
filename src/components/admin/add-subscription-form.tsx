"use client";

import { useActionState } from "react";
import { SubscriptionFields } from "@/components/admin/subscription-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { addSubscriptionAction } from "@/server/channels/admin-actions";

export function AddSubscriptionForm({ channelId }: { channelId: string }) {
  const [state, action, pending] = useActionState(addSubscriptionAction, null);
  return (
    <form onSubmit={submitKeepingFields(action)} className="mt-2 flex max-w-xl flex-col gap-3">
      <input type="hidden" name="channelId" value={channelId} />
      <SubscriptionFields errors={state?.ok === false ? (state.fields ?? {}) : {}} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Adding…" tone="secondary">
          Add subscription
        </SubmitButton>
        <span
          role="status"
          aria-live="polite"
          className={`text-sm ${state?.ok ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}
        >
          {state?.message}
        </span>
      </div>
    </form>
  );
}
