"use client";

import { useActionState } from "react";
import type { ButtonStyle } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { GroupFormState } from "@/server/groups/actions";

export interface GroupActionButtonProps {
  action: (previous: GroupFormState, formData: FormData) => Promise<GroupFormState>;
  /** Hidden fields the action reads (the group's slug, the invite token, a switch's new value). */
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  tone?: ButtonStyle["tone"];
}

/** One button that posts a group action (Join, Leave, a new invite link…) and says how it went. */
export function GroupActionButton({ action, fields, label, pendingLabel, tone }: GroupActionButtonProps) {
  const [state, formAction, pending] = useActionState<GroupFormState, FormData>(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <SubmitButton pending={pending} pendingLabel={pendingLabel} tone={tone}>
          {label}
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
