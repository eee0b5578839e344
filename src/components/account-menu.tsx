"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { useCloseOnOutsideClick } from "@/components/ui/use-close-on-outside-click";

const itemClass =
  "block rounded-md px-3 py-2 text-sm font-medium text-gray-700 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-gray-200 dark:hover:bg-gray-800 dark:hover:text-white";

function PersonIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth={1.8}>
      <circle cx="10" cy="7" r="3.25" />
      <path d="M3.75 17c.8-3.1 3.2-4.75 6.25-4.75S15.45 13.9 16.25 17" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The phone header's account corner: one button that opens the account's links, so the header
 * stays one row. A `<details>` underneath, so it opens without JavaScript; with it, it closes on
 * Escape (focus back on the button), on a click elsewhere and when a link in it is followed.
 */
export function AccountMenu({ label }: { label: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);

  useCloseOnOutsideClick(menu);

  return (
    <details
      ref={menu}
      data-testid="account-menu"
      className="relative sm:hidden"
      onKeyDown={(event) => {
        const details = menu.current;
        if (event.key !== "Escape" || !details?.open) return;
        details.open = false;
        details.querySelector("summary")?.focus();
      }}
    >
      <summary
        aria-label="Your account"
        title={label}
        className="inline-flex size-8 cursor-pointer list-none items-center justify-center rounded-md border border-gray-200 text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-gray-700 dark:text-gray-200 dark:hover:bg-gray-800 [&::-webkit-details-marker]:hidden"
      >
        <PersonIcon />
      </summary>
      <div className="absolute top-full right-0 z-20 mt-2 flex w-60 flex-col gap-0.5 rounded-lg border border-gray-200 bg-white p-1 shadow-lg dark:border-gray-700 dark:bg-gray-900">
        <p className="truncate px-3 py-1.5 text-xs text-gray-600 dark:text-gray-400">{label}</p>
        <Link href="/papers/new" className={itemClass}>
          New since your last visit
        </Link>
        <Link href="/me" className={itemClass}>
          Your account
        </Link>
        <Link href="/me/library" className={itemClass}>
          Your library
        </Link>
        <Link href="/me/collections" className={itemClass}>
          Your collections
        </Link>
        <Link href="/submit" className={itemClass}>
          Submit a paper
        </Link>
        <Link href="/groups" className={itemClass}>
          Reading groups
        </Link>
        <SignOutButton className={`${itemClass} w-full text-left disabled:opacity-60`} />
      </div>
    </details>
  );
}
