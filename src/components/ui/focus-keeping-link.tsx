"use client";

import Link from "next/link";
import { useEffect, useRef, type ComponentProps } from "react";

// The control that started a client-side navigation; the new page's copy of it takes the focus,
// so a keyboard user stays where they were instead of being sent back to the top of the page.
let pendingFocus: string | null = null;

/** A Link whose counterpart on the next page gets the focus back after it is followed. */
export function FocusKeepingLink({ focusKey, onClick, ...props }: ComponentProps<typeof Link> & { focusKey: string }) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (pendingFocus !== focusKey) return;
    pendingFocus = null;
    link.current?.focus();
  }, [focusKey]);
  return (
    <Link
      ref={link}
      onClick={(event) => {
        pendingFocus = focusKey;
        onClick?.(event);
      }}
      {...props}
    />
  );
}
