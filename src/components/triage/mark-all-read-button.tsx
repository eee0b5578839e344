"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setPapersRead } from "@/components/paper-card/triage-store";
import { buttonClasses } from "@/components/ui/button";
import { countOf } from "@/lib/plural";
import { markPapersRead } from "@/server/triage/actions";

/**
 * "Mark all on this page read": marks the page's unread papers seen, says so in a status message,
 * and shows the list again (read cards dimmed, or gone with "Hide read" on).
 */
export function MarkAllReadButton({ paperIds }: { paperIds: string[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const allRead = paperIds.length === 0;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        data-testid="mark-all-read"
        // aria-disabled rather than disabled: the button keeps the focus once the page is all read.
        aria-disabled={pending || allRead}
        aria-busy={pending || undefined}
        onClick={() => {
          if (pending || allRead) return;
          startTransition(async () => {
            setMessage(null);
            const result = await markPapersRead(paperIds).catch(() => ({
              ok: false as const,
              message: "Not marked read: we could not reach the server.",
            }));
            if (!result.ok) {
              setMessage({ text: result.message, error: true });
              return;
            }
            setMessage({ text: `Marked ${countOf(paperIds.length, "paper", "papers")} read.`, error: false });
            // The cards dim at once (and a card marked unread in this tab follows too); the list is
            // rendered again for "Hide read".
            void setPapersRead(paperIds, true, { persist: false });
            router.refresh();
          });
        }}
        className={buttonClasses({ tone: "secondary", size: "sm", className: "aria-disabled:cursor-default aria-disabled:opacity-70" })}
      >
        {allRead ? "All on this page read" : "Mark all on this page read"}
      </button>
      <p role="status" className={`text-sm ${message?.error ? "text-red-700 dark:text-red-400" : "text-gray-600 dark:text-gray-400"}`}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
