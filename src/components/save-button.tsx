"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useOptimisticToggle } from "@/components/ui/use-optimistic-toggle";
import { setSavedAction } from "@/server/library/actions";

const buttonClass =
  "inline-flex min-h-6 items-center gap-1 rounded-md px-1.5 py-0.5 text-sm hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-gray-800 dark:hover:text-gray-100";

function BookmarkIcon({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill={filled ? "currentColor" : "none"} stroke="currentColor" strokeWidth={1.6}>
      <path d="M5 3h10a1 1 0 0 1 1 1v13l-6-4-6 4V4a1 1 0 0 1 1-1z" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * Saves a paper to the reader's library (/me/library), at once, rolled back if the server refuses.
 * `className` replaces the small inline look of cards (the paper page's row of actions has its own).
 */
export function SaveButton({
  paperId,
  saved,
  signedIn,
  className = buttonClass,
}: {
  paperId: string;
  saved: boolean;
  signedIn: boolean;
  className?: string;
}) {
  const pathname = usePathname();
  const {
    on: optimistic,
    pending,
    error,
    toggle,
  } = useOptimisticToggle(saved, async (next) => {
    const result = await setSavedAction(paperId, next);
    return result.ok ? { ok: true, on: result.saved } : result;
  });
  if (!signedIn) {
    return (
      <Link
        href={`/auth/signin?callbackUrl=${encodeURIComponent(pathname)}`}
        className={className}
        title="Sign in to save papers to your library"
      >
        <BookmarkIcon filled={false} />
        Save
      </Link>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        data-testid="save-button"
        aria-pressed={optimistic}
        aria-busy={pending || undefined}
        onClick={toggle}
        className={`${className} ${optimistic ? "text-indigo-700 dark:text-indigo-300" : ""}`}
      >
        <BookmarkIcon filled={optimistic} />
        {optimistic ? "Saved" : "Save"}
      </button>
      {error && (
        <span role="status" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
