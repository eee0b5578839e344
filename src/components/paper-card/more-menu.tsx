"use client";

import { useRef } from "react";
import { useCloseOnOutsideClick } from "@/components/ui/use-close-on-outside-click";

/**
 * A card's "More" menu: what a reader wants now and then ("More like this", "Why here?", and
 * Mark read and Hide when signed in), off the card's face. A `<details>` underneath, so it opens
 * without JavaScript and by keyboard; with it, it closes on Escape (focus back on the button) and
 * on a click elsewhere. One is open at a time (`name`). The panel is placed against the card
 * (the <article> is positioned), below the button, so no overflow clips it.
 */
export function MoreMenu({ title, children }: { title: string; children: React.ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);

  useCloseOnOutsideClick(menu);

  return (
    <details
      ref={menu}
      name="paper-card-more"
      data-card-part="more"
      data-card-keep=""
      onKeyDown={(event) => {
        const details = menu.current;
        if (event.key !== "Escape" || !details?.open) return;
        event.stopPropagation();
        details.open = false;
        details.querySelector("summary")?.focus();
      }}
    >
      <summary
        data-testid="card-more"
        className="inline-flex min-h-6 cursor-pointer list-none items-center gap-0.5 rounded-md px-1.5 py-0.5 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-gray-800 dark:hover:text-gray-100 [&::-webkit-details-marker]:hidden"
      >
        More<span className="sr-only">: {title}</span>
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth={1.6}>
          <path d="m6 8 4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </summary>
      <div
        data-card-part="more-panel"
        className="absolute inset-x-3 z-20 mt-1 flex flex-col gap-1 rounded-lg border border-gray-200 bg-white p-1.5 text-sm text-gray-700 shadow-lg sm:left-auto sm:w-80 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-300"
      >
        {children}
      </div>
    </details>
  );
}
