"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { filterQueryEntries, NO_FILTER, withFilter, type ListFilter } from "@/lib/list-filter";
import type { PaperScope } from "@/lib/paper-scope";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// The new day's page mounts a new picker; it takes the focus back from the one that navigated.
let refocusAfterNavigation = false;

/**
 * Goes to a day's page when asked to (Enter or "Go"), never while a date is being typed: typing
 * "15" must not land on the 1st. A plain GET form underneath, so it works without JavaScript; with
 * it, the page changes in place and focus stays on the picker. On a category's or keyword's pages
 * (`base` is their path) it stays within them, and a filtered list stays filtered.
 */
export function DatePicker({
  value,
  max,
  base = "/papers",
  scope = null,
  filter = NO_FILTER,
}: {
  value: string;
  max: string;
  base?: string;
  scope?: PaperScope | null;
  filter?: ListFilter;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  useEffect(() => {
    if (!refocusAfterNavigation) return;
    refocusAfterNavigation = false;
    input.current?.focus();
  }, []);
  // Another day was opened (previous/next): show it, as the picker is kept mounted across pages.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  return (
    <form
      action="/papers/date"
      method="get"
      className="inline-flex items-center gap-1 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ISO_DATE.test(draft)) return;
        refocusAfterNavigation = true;
        router.push(withFilter(`${base}/date/${draft}`, filter));
      }}
    >
      {scope && <input type="hidden" name={scope.kind} value={scope.value} />}
      {filterQueryEntries(filter).map(([name, param], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={param} />
      ))}
      <label className="inline-flex items-center">
        <span className="sr-only">Go to date</span>
        <input
          ref={input}
          type="date"
          name="date"
          data-testid="date-picker"
          value={draft}
          max={max}
          min="1991-01-01"
          onChange={(event) => setDraft(event.target.value)}
          className="rounded-md border border-gray-300 bg-white px-2 py-1 dark:border-gray-700 dark:bg-gray-900"
        />
      </label>
      <button
        type="submit"
        className="rounded-md border border-gray-300 px-2 py-1 font-medium hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-gray-700 dark:hover:bg-gray-800"
      >
        Go
      </button>
    </form>
  );
}
