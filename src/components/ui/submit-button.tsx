const TONES = {
  primary: "bg-indigo-600 hover:bg-indigo-500 focus-visible:outline-indigo-500",
  danger: "bg-red-600 hover:bg-red-500 focus-visible:outline-red-500",
} as const;

export interface SubmitButtonProps {
  pending: boolean;
  /** Shown while the form is being submitted, e.g. "Sending…". */
  pendingLabel: string;
  children: React.ReactNode;
  tone?: keyof typeof TONES;
  className?: string;
}

/** A form's submit button that disables itself and says what is happening while pending. */
export function SubmitButton({ pending, pendingLabel, children, tone = "primary", className = "" }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      disabled={pending}
      className={`rounded-lg px-4 py-2 font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-wait disabled:opacity-70 ${TONES[tone]} ${className}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
