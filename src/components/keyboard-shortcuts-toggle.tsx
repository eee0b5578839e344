"use client";

import { useId, useSyncExternalStore } from "react";
import { setShortcutsEnabled, SHORTCUTS_CHANGE_EVENT, SHORTCUTS_KEY, shortcutsEnabled } from "@/components/paper-card/keyboard-preference";

function subscribe(listener: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SHORTCUTS_KEY || event.key === null) listener();
  };
  window.addEventListener(SHORTCUTS_CHANGE_EVENT, listener);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(SHORTCUTS_CHANGE_EVENT, listener);
    window.removeEventListener("storage", onStorage);
  };
}

export interface KeyboardShortcutsToggleProps {
  /**
   * What the server knows before JavaScript runs: false when the request's cookies carry
   * `keyboard-shortcuts=off` (`shortcutsOffInCookie` in paper-card/keyboard-preference.ts).
   */
  initialEnabled?: boolean;
}

/**
 * Turns the single-key list shortcuts on or off in this browser (WCAG 2.1.4: a reader whose
 * speech input or stray keys would trigger them can switch them off). On /me and in the shortcuts
 * dialog.
 */
export function KeyboardShortcutsToggle({ initialEnabled = true }: KeyboardShortcutsToggleProps) {
  const enabled = useSyncExternalStore(subscribe, shortcutsEnabled, () => initialEnabled);
  const labelId = useId();
  const descriptionId = useId();
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <p id={labelId} className="font-medium text-gray-900 dark:text-gray-100">
          Keyboard shortcuts
        </p>
        <p id={descriptionId} className="text-sm text-gray-600 dark:text-gray-400">
          Single keys on lists of papers: <kbd>j</kbd> and <kbd>k</kbd> to move, <kbd>?</kbd> for all of them. Turn them off if they get in
          the way of your screen reader, speech input or typing.
        </p>
      </div>
      <button
        type="button"
        role="switch"
        data-testid="keyboard-shortcuts-toggle"
        aria-checked={enabled}
        aria-labelledby={labelId}
        aria-describedby={descriptionId}
        onClick={() => setShortcutsEnabled(!enabled)}
        className="group mt-0.5 inline-flex shrink-0 items-center gap-2 rounded-md px-1 py-0.5 text-sm font-medium text-gray-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-gray-300"
      >
        <span
          aria-hidden
          className="relative inline-flex h-6 w-11 items-center rounded-full bg-gray-500 transition-colors group-aria-checked:bg-indigo-600 dark:bg-gray-500 dark:group-aria-checked:bg-indigo-500"
        >
          <span className="absolute left-0.5 size-5 rounded-full bg-white shadow transition-transform group-aria-checked:translate-x-5" />
        </span>
        <span aria-hidden className="w-6 text-left">
          {enabled ? "On" : "Off"}
        </span>
      </button>
    </div>
  );
}
