"use client";

import { BANNER_DISMISSED_KEY } from "@/components/theme-script";
import { CrossIcon } from "@/components/ui/cross-icon";

/** Hides the subscribe banner now and on later visits (remembered in this browser only). */
export function DismissBannerButton() {
  function dismiss() {
    try {
      localStorage.setItem(BANNER_DISMISSED_KEY, "1");
    } catch {
      // Storage refused (private mode): the banner still goes away for this page view.
    }
    document.documentElement.dataset.bannerDismissed = "";
  }
  return (
    <button
      type="button"
      onClick={dismiss}
      aria-label="Dismiss the subscribe banner"
      className="js-only inline-flex size-8 shrink-0 items-center justify-center rounded-md text-indigo-900 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-200 dark:hover:bg-indigo-900"
    >
      <CrossIcon />
    </button>
  );
}
