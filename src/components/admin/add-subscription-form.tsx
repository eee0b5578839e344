"use client";

import { useActionState } from "react";
import { SubscriptionFields } from "@/components/admin/subscription-fields";
import { ActionStatus } from "@/components/ui/action-status";
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
        <ActionStatus state={state} />
      </div>
    </form>
  );
}
