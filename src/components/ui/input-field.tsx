import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { fieldInputClass, FormField } from "@/components/ui/form-field";

export interface InputFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> {
  label: string;
  name: string;
  hint?: ReactNode;
  error?: string;
}

/** A FormField holding one text-like input, for the common case. */
export function InputField({ label, hint, error, ...input }: InputFieldProps) {
  const id = useId();
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...control} {...input} className={fieldInputClass} />}
    </FormField>
  );
}
