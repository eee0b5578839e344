"use client";

import { useActionState, useId } from "react";
import { buttonClasses } from "@/components/ui/button";
import { countOf } from "@/lib/plural";
import { setHideReadAction, type HideReadState } from "@/server/triage/actions";

export interface HideReadToggleProps {
  /** The account's setting as the list was rendered with it. */
  hideRead: boolean;
  /** Read papers left out of this page. */
  readHiddenCount: number;
}

/**
 * "Hide read" above a list, stored on the account (signed-in pages are rendered per request, so the
 * list leaves read papers out on the server). A plain form post to a server action: it works
 * without JavaScript, and with it the list is rendered again in place.
 */
export function HideReadToggle({ hideRead, readHiddenCount }: HideReadToggleProps) {
  const [state, action, pending] = useActionState<HideReadState, FormData>(setHideReadAction, null);
  const showForm = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-busy={pending || undefined}>
      <form action={action}>
        <input type="hidden" name="hideRead" value={hideRead ? "0" : "1"} />
        <button
          type="submit"
          data-testid="hide-read-toggle"
          aria-pressed={hideRead}
          disabled={pending}
          className={buttonClasses({ tone: "secondary", size: "sm", className: hideRead ? "ring-2 ring-indigo-500/50" : "" })}
        >
          Hide read
        </button>
      </form>
      {hideRead && readHiddenCount > 0 && (
        <p data-testid="read-hidden-note" className="text-sm text-gray-600 dark:text-gray-400">
          {countOf(readHiddenCount, "read paper", "read papers")} hidden on this page; the counts are the whole list’s.{" "}
          <button
            type="submit"
            form={showForm}
            className="font-medium text-indigo-600 hover:underline focus-visible:underline dark:text-indigo-400"
          >
            Show them
          </button>
        </p>
      )}
      <form id={showForm} action={action} hidden>
        <input type="hidden" name="hideRead" value="0" />
      </form>
      {state && !state.ok && (
        <p role="alert" className="basis-full text-sm font-medium text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
    </div>
  );
}
