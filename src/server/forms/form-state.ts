import "server-only";
import { isAppError } from "@/lib/errors";
import type { FieldErrors } from "@/lib/form-errors";

/** What a form shows after a submit: each field's problem next to it, and what was typed; or what was done. */
export type FormState =
  { ok: false; message: string; fields: FieldErrors; values: Record<string, string> } | { ok: true; message: string; at: number } | null;

export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The fields as typed, to put back into the form after a refusal (never Next.js's own `$ACTION_…` fields). */
export function typedValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    [...formData.entries()].filter(([name, value]) => typeof value === "string" && !name.startsWith("$")) as [string, string][],
  );
}

/** A refused or failed submit: an AppError's message and fields as they are, anything else logged and said plainly. */
export function formFailure(error: unknown, formData: FormData, whatFailed: string): FormState {
  const values = typedValues(formData);
  if (isAppError(error)) return { ok: false, message: error.message, fields: error.details.fields ?? {}, values };
  console.error(error);
  return { ok: false, message: `${whatFailed}: something went wrong on our side. Please try again.`, fields: {}, values };
}

export const signedOutForm = (formData: FormData, doing: string): FormState => ({
  ok: false,
  message: `Your session has ended. Sign in again to ${doing}.`,
  fields: {},
  values: typedValues(formData),
});
