"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { applyDensity, currentDensity } from "@/components/paper-card/density";
import { OPEN_SHORTCUTS_EVENT } from "@/components/paper-card/keyboard-preference";
import { DENSITIES, DENSITY_LABELS, type Density } from "@/lib/density";
import { setDensityAction } from "@/server/triage/actions";

// Full, Compact or Titles: a presentation switch in the browser, not a server render. Every card is
// the same HTML for every reader, and `data-density` on <html> (set before first paint by the
// inline DENSITY_SCRIPT from a cookie) picks the CSS that hides and clamps parts of it
// (paper-card/density.css). So signed-out readers keep sharing one cached copy of each page
// whatever their density (X-Cache: HIT), and nobody's page flashes the wrong density. A signed-in
// reader's choice is also kept on their account, and their pages apply it in any browser
// (AccountDensity in the header); the server never reads the cookie.

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// The selected pill, as pillClass draws it (ui/pill-class.ts), but keyed on <html>'s attribute so it
// is right before hydration.
const selectedClass: Record<Density, string> = {
  full: "[html:not([data-density])_&]:bg-gray-900 [html:not([data-density])_&]:text-white dark:[html:not([data-density])_&]:bg-white dark:[html:not([data-density])_&]:text-gray-900",
  compact:
    "[html[data-density=compact]_&]:bg-gray-900 [html[data-density=compact]_&]:text-white dark:[html[data-density=compact]_&]:bg-white dark:[html[data-density=compact]_&]:text-gray-900",
  titles:
    "[html[data-density=titles]_&]:bg-gray-900 [html[data-density=titles]_&]:text-white dark:[html[data-density=titles]_&]:bg-white dark:[html[data-density=titles]_&]:text-gray-900",
};

/** Keeps the card at the top of the screen where it was while the cards above change height. */
function keepPlace(change: () => void) {
  const cards = [...document.querySelectorAll<HTMLElement>("[data-testid=paper-card]:not([hidden])")];
  const anchor = cards.find((card) => card.getBoundingClientRect().bottom > 0);
  const before = anchor?.getBoundingClientRect().top;
  change();
  if (anchor && before !== undefined && before < 0) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
}

/**
 * The list's density, as a segmented control: a group of radio buttons (arrow keys move between
 * them), remembered in this browser and, with `saveToAccount`, on the reader's account. The
 * selected look follows <html>'s attribute, so it is right from first paint; without JavaScript the
 * control is not shown.
 */
export function DensitySwitch({ saveToAccount = false }: { saveToAccount?: boolean }) {
  const density = useSyncExternalStore(subscribe, currentDensity, () => "full" as Density);
  const name = useId();
  const [failure, setFailure] = useState("");

  function choose(next: Density) {
    keepPlace(() => applyDensity(next));
    for (const listener of listeners) listener();
    if (!saveToAccount) return;
    setFailure("");
    setDensityAction(next).then(
      (result) => setFailure(result.ok ? "" : result.message),
      () => setFailure("Not saved to your account: the server could not be reached. This browser keeps it."),
    );
  }

  return (
    <div data-testid="density-switch" className="js-only flex items-center gap-2">
      <fieldset className="inline-flex gap-1">
        <legend className="sr-only">Density</legend>
        {DENSITIES.map((value) => (
          <label
            key={value}
            className={`inline-flex min-h-7 cursor-pointer items-center rounded-md px-2.5 text-sm font-medium text-gray-600 select-none hover:bg-gray-100 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-500 dark:text-gray-300 dark:hover:bg-gray-800 ${selectedClass[value]}`}
          >
            <input type="radio" name={name} value={value} checked={density === value} onChange={() => choose(value)} className="sr-only" />
            {DENSITY_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        onClick={() => window.dispatchEvent(new Event(OPEN_SHORTCUTS_EVENT))}
        title="Keyboard shortcuts (?)"
        className="hidden size-8 items-center justify-center rounded-md border border-gray-200 text-sm font-semibold text-gray-600 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-500 sm:inline-flex dark:border-gray-700 dark:text-gray-300 dark:hover:bg-gray-800 dark:hover:text-white"
      >
        <span aria-hidden>?</span>
        <span className="sr-only">Keyboard shortcuts</span>
      </button>
      <span aria-live="polite" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {failure}
      </span>
    </div>
  );
}
