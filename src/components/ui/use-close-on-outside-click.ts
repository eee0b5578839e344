"use client";

import { useEffect, type RefObject } from "react";

/** Closes an open `<details>` menu when the reader presses anywhere outside it. */
export function useCloseOnOutsideClick(menu: RefObject<HTMLDetailsElement | null>): void {
  useEffect(() => {
    function closeOnOutsideClick(event: PointerEvent) {
      const details = menu.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    }
    document.addEventListener("pointerdown", closeOnOutsideClick);
    return () => document.removeEventListener("pointerdown", closeOnOutsideClick);
  }, [menu]);
}
