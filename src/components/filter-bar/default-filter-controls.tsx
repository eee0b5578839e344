"use client";

import { useActionState, useEffect, useRef } from "react";
import { buttonClasses } from "@/components/ui/button";
import { clearDefaultFilter, saveDefaultFilter, type DefaultFilterState } from "@/server/filters/actions";

function useFocusOnChange<T>(state: T) {
  const message = useRef<HTMLParagraphElement>(null);
  // The button pressed may be gone once the page shows the new default: the message takes the focus.
  useEffect(() => {
    if (state) message.current?.focus();
  }, [state]);
  return message;
}

function StateMessage({
  state,
  done,
  messageRef,
}: {
  state: DefaultFilterState;
  done: string;
  messageRef: React.Ref<HTMLParagraphElement>;
}) {
  if (state && !state.ok) {
    return (
      <p ref={messageRef} tabIndex={-1} role="alert" className="basis-full text-sm font-medium text-red-700 outline-none dark:text-red-400">
        {state.message}
      </p>
    );
  }
  return (
    <p
      ref={messageRef}
      tabIndex={-1}
      role="status"
      className="basis-full text-sm font-medium text-green-700 outline-none empty:hidden dark:text-green-400"
    >
      {state?.ok ? done : ""}
    </p>
  );
}

export interface DefaultFilterControlsProps {
  /** The saved default in words ("not in cs.CV, with code"), or null when there is none. */
  saved: string | null;
  /** The shown filter's query parameters, posted by "Save as my default". */
  entries: [string, string][];
  /** The shown filter is not empty and not already the default. */
  canSave: boolean;
}

/**
 * In the main feed's filter bar, for a signed-in reader: their default filter, "Save as my default"
 * for the shown one and "Clear default". Plain form posts to server actions, so they work without JavaScript.
 */
export function DefaultFilterControls({ saved, entries, canSave }: DefaultFilterControlsProps) {
  // One state for both forms: "Clear default" saves an empty filter.
  const [state, action, pending] = useActionState<DefaultFilterState, FormData>(saveDefaultFilter, null);
  const message = useFocusOnChange(state);
  const done = state?.ok && state.saved ? "Saved: the main feed now opens with this filter." : "Cleared: the main feed shows every paper.";
  return (
    <div
      data-testid="default-filter"
      aria-busy={pending || undefined}
      className="flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-gray-200 px-3 py-2.5 dark:border-gray-800"
    >
      <p className="min-w-0 text-gray-700 dark:text-gray-300">
        {saved ? (
          <>
            Your default: <strong className="font-semibold text-gray-900 dark:text-gray-100">{saved}</strong>
          </>
        ) : (
          "No default filter: the main feed shows every paper."
        )}
      </p>
      <div className="flex flex-wrap gap-2">
        {canSave && (
          <form action={action}>
            {entries.map(([name, value], index) => (
              <input key={index} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" disabled={pending} className={buttonClasses({ size: "sm", tone: "secondary" })}>
              Save as my default
            </button>
          </form>
        )}
        {saved && (
          <form action={action}>
            <button type="submit" disabled={pending} className={buttonClasses({ size: "sm", tone: "secondary" })}>
              Clear default
            </button>
          </form>
        )}
      </div>
      <StateMessage state={state} done={done} messageRef={message} />
    </div>
  );
}

/** "Clear default" on /me. */
export function ClearDefaultFilterForm({ hasDefault }: { hasDefault: boolean }) {
  const [state, action, pending] = useActionState<DefaultFilterState, FormData>(clearDefaultFilter, null);
  const message = useFocusOnChange(state);
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      {hasDefault && (
        <form action={action}>
          <button type="submit" disabled={pending} className={buttonClasses({ size: "sm", tone: "secondary" })}>
            {pending ? "Clearing…" : "Clear default"}
          </button>
        </form>
      )}
      <StateMessage state={state} done="Cleared: the main feed shows every paper." messageRef={message} />
    </div>
  );
}
