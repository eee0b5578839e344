"use client";

import { usePathname, useSearchParams } from "next/navigation";

/**
 * The site's one search field, in the header. On the search page it carries the query being
 * shown, so that page needs no second field (and has one search landmark).
 */
export function SearchBox() {
  const pathname = usePathname();
  const query = useSearchParams().get("q") ?? "";
  const shown = pathname === "/papers" ? query : "";
  return (
    <form role="search" action="/papers" method="get" className="relative w-full">
      <label htmlFor="site-search" className="sr-only">
        Search papers
      </label>
      <svg
        aria-hidden
        viewBox="0 0 20 20"
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-gray-500 dark:text-gray-400"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
      >
        <circle cx="8.5" cy="8.5" r="5.5" />
        <path d="m13 13 4 4" strokeLinecap="round" />
      </svg>
      <input
        // A new query (back/forward, a link) replaces what the field shows.
        key={shown}
        id="site-search"
        name="q"
        type="search"
        defaultValue={shown}
        placeholder="Search papers, authors or an arXiv id"
        maxLength={500}
        className="w-full rounded-lg border border-gray-300 bg-white py-1.5 pr-3 pl-8 text-sm placeholder:text-gray-500 focus:border-indigo-500 focus:outline-2 focus:outline-offset-1 focus:outline-indigo-500 dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400"
      />
    </form>
  );
}
