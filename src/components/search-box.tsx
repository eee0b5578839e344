"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { SEARCH_HEADING_ID } from "@/components/search-heading";

function SearchIcon({ className }: { className: string }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className={className} fill="none" stroke="currentColor" strokeWidth={2}>
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4 4" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The site's one search field, in the header. On the search page it carries the query being
 * shown, so that page needs no second field (and has one search landmark). On phones it sits
 * behind a search button, so the header stays one row; without JavaScript that button is a link
 * to the search page, where the field is always shown. With JavaScript a search opens the results
 * in place and moves the focus to their heading, so a keyboard or screen reader user starts there.
 */
export function SearchBox() {
  const pathname = usePathname();
  const query = useSearchParams().get("q") ?? "";
  const onSearchPage = pathname === "/papers";
  const shown = onSearchPage ? query : "";
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLAnchorElement>(null);
  const router = useRouter();
  const [searching, startSearch] = useTransition();
  // The words just searched for, until their results are shown and their heading has the focus.
  const [focusFor, setFocusFor] = useState<string | null>(null);
  useEffect(() => {
    if (searching || focusFor === null || !onSearchPage || query !== focusFor) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-shot request, cleared once served
    setFocusFor(null);
    document.getElementById(SEARCH_HEADING_ID)?.focus();
  }, [searching, focusFor, onSearchPage, query]);

  // A search (or any navigation) folds the phone's field away again.
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }

  function close() {
    setOpen(false);
    toggle.current?.focus();
  }

  return (
    <>
      {onSearchPage ? (
        <span aria-hidden className="ml-auto sm:hidden" />
      ) : (
        <Link
          ref={toggle}
          href="/papers"
          role="button"
          aria-expanded={open}
          aria-controls="site-search-form"
          aria-label={open ? "Close search" : "Search papers"}
          onClick={(event) => {
            event.preventDefault();
            if (open) return close();
            // Shown before focusing, in this same event, so that no keystroke typed at once is lost.
            flushSync(() => setOpen(true));
            input.current?.focus();
          }}
          className="ml-auto inline-flex size-8 items-center justify-center rounded-md border border-gray-200 text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-500 sm:hidden dark:border-gray-700 dark:text-gray-200 dark:hover:bg-gray-800"
        >
          <SearchIcon className="size-4" />
        </Link>
      )}
      <form
        id="site-search-form"
        role="search"
        action="/papers"
        method="get"
        aria-busy={searching || undefined}
        onSubmit={(event) => {
          event.preventDefault();
          const field = new FormData(event.currentTarget).get("q");
          const q = typeof field === "string" ? field : "";
          setFocusFor(q);
          startSearch(() => router.push(`/papers?${new URLSearchParams({ q })}`));
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) close();
        }}
        className={`${open || onSearchPage ? "block" : "hidden"} relative order-last w-full sm:order-none sm:ml-auto sm:block sm:w-72`}
      >
        <label htmlFor="site-search" className="sr-only">
          Search papers
        </label>
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-gray-500 dark:text-gray-400" />
        <input
          ref={input}
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
    </>
  );
}
