import type { ReactNode } from "react";

export const fieldInputClass =
  "block w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm text-gray-900 placeholder:text-gray-500 focus:border-indigo-500 focus:outline-2 focus:outline-offset-1 focus:outline-indigo-500 aria-invalid:border-red-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:placeholder:text-gray-400 dark:aria-invalid:border-red-400";

/** What a field's control needs to be labelled, described and marked invalid. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

export interface FormFieldProps {
  id: string;
  label: string;
  /** A line under the field: the format expected, an example. */
  hint?: ReactNode;
  /** The server's message about this field, shown under it and read with it. */
  error?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form field with its hint and its error, tied to the control for assistive technology. */
export function FormField({ id, label, hint, error, children }: FormFieldProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-describedby": described || undefined, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-gray-600 dark:text-gray-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A form's overall outcome: a status line when it worked; an alert when it failed, which points to
 * the fields marked below rather than repeating their messages.
 */
export function FormMessage({ state }: { state: { ok: boolean; message: string; fields?: Partial<Record<string, string>> } | null }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p role="status" className="text-sm font-medium text-green-700 dark:text-green-400">
        {state.message}
      </p>
    );
  }
  const marked = Object.keys(state.fields ?? {}).length;
  return (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
      {marked === 0
        ? state.message
        : marked === 1
          ? "Please correct the field marked above."
          : `Please correct the ${marked} fields marked above.`}
    </p>
  );
}
