"use client";

import { useActionState, useId, useState } from "react";
import { SubscriptionFields } from "@/components/admin/subscription-fields";
import { fieldInputClass } from "@/components/ui/form-field";
import { InputField } from "@/components/ui/input-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { addChannelAction } from "@/server/channels/admin-actions";

const KINDS = [
  { value: "SLACK", label: "Slack (incoming webhook)", placeholder: "https://hooks.slack.com/services/T000/B000/XXXX" },
  { value: "DISCORD", label: "Discord (webhook)", placeholder: "https://discord.com/api/webhooks/123/abc" },
  { value: "MATRIX", label: "Matrix room", placeholder: "" },
  { value: "WEBHOOK", label: "Microsoft Teams or another JSON webhook", placeholder: "https://example.org/hooks/papers" },
] as const;

type Kind = (typeof KINDS)[number]["value"];

/** "Add a channel": the service, where it posts, and what it posts first. */
export function AddChannelForm() {
  const [state, action, pending] = useActionState(addChannelAction, null);
  const [kind, setKind] = useState<Kind>("SLACK");
  const kindId = useId();
  const errors = state?.ok === false ? (state.fields ?? {}) : {};
  const chosen = KINDS.find((candidate) => candidate.value === kind)!;
  return (
    <form onSubmit={submitKeepingFields(action)} className="mt-4 flex max-w-xl flex-col gap-3" aria-labelledby="add-channel-heading">
      <h3 id="add-channel-heading" className="font-semibold">
        Add a channel
      </h3>
      <div className="flex flex-col gap-1">
        <label htmlFor={kindId} className="text-sm font-medium">
          Service
        </label>
        <select id={kindId} name="kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)} className={fieldInputClass}>
          {KINDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <InputField label="Name" name="name" required maxLength={80} placeholder="#papers in the lab's Slack" error={errors.name} />
      {kind === "MATRIX" ? (
        <>
          <InputField
            label="Homeserver URL"
            name="homeserver"
            type="url"
            required
            placeholder="https://matrix.org"
            error={errors.homeserver}
          />
          <InputField
            label="Room id"
            name="roomId"
            required
            placeholder="!abc123:matrix.org"
            hint="Room settings → Advanced. The bot must have joined the room."
            error={errors.roomId}
          />
          <InputField
            label="Access token"
            name="accessToken"
            type="password"
            required
            autoComplete="off"
            hint="The bot account's token; stored encrypted, never shown again."
            error={errors.accessToken}
          />
        </>
      ) : (
        <InputField
          label="Webhook URL"
          name="webhookUrl"
          type="url"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder={chosen.placeholder}
          hint="Stored encrypted; never shown again after saving."
          error={errors.webhookUrl}
        />
      )}
      <SubscriptionFields errors={errors} />
      <div>
        <SubmitButton pending={pending} pendingLabel="Adding…">
          Add channel
        </SubmitButton>
      </div>
      <div role="status" aria-live="polite">
        {state?.ok === false && (
          <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{state.message}</p>
        )}
        {state?.ok && (
          <div className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-200">
            <p>{state.message}</p>
            {state.signingKey && (
              <p className="mt-1">
                Signing key (copy it now, it is shown once): <code className="break-all select-all">{state.signingKey}</code>. The receiver
                checks X-Daily-Papers-Signature with it.
              </p>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
