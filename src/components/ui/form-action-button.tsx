"use client";

import { useActionState } from "react";
import type { ButtonStyle } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/server/forms/form-state";

export interface FormActionButtonProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields the action reads (a group's slug, an invite token, a switch's new value). */
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  tone?: ButtonStyle["tone"];
}

/** One button that posts an action (Join, Leave, a new invite link, Follow…) and says how it went. */
export function FormActionButton({ action, fields, label, pendingLabel, tone }: FormActionButtonProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
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
