/** A form action's answer beside its button: a polite live region, green when it worked, red when not. */
export function ActionStatus({ state }: { state: { ok: boolean; message: string } | null }) {
  return (
    <span
      role="status"
      aria-live="polite"
      className={`text-sm ${state?.ok ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}
    >
      {state?.message}
    </span>
  );
}
