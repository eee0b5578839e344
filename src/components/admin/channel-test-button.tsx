"use client";

import { useActionState } from "react";
import { ActionStatus } from "@/components/ui/action-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { sendTestMessageAction } from "@/server/channels/admin-actions";

/** "Send test message", with the service's answer beside it. */
export function ChannelTestButton({ channelId }: { channelId: string }) {
  const [state, action, pending] = useActionState(sendTestMessageAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="channelId" value={channelId} />
      <SubmitButton pending={pending} pendingLabel="Sending…" tone="secondary">
        Send test message
      </SubmitButton>
      <ActionStatus state={state} />
    </form>
  );
}
