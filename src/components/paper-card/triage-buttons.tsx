"use client";

import { MENU_ITEM_CLASS } from "@/components/paper-card/menu-item-class";
import { hidePaper, setPapersRead, useTriage } from "@/components/paper-card/triage-store";

/** Closes the card's More menu and keeps the focus there, or on the next card when this one leaves. */
function closeMenu(button: HTMLElement, leaving: boolean) {
  const details = button.closest("details");
  if (!details?.open) return;
  details.open = false;
  if (!leaving) {
    details.querySelector("summary")?.focus();
    return;
  }
  const card = button.closest<HTMLElement>("[data-testid=paper-card]");
  const cards = [...document.querySelectorAll<HTMLElement>("[data-testid=paper-card]:not([hidden])")].filter((other) => other !== card);
  const after = cards.find((other) => card && card.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING);
  (after ?? cards.at(-1))?.querySelector<HTMLElement>("[data-testid=paper-title]")?.focus();
}

/** A signed-in reader's "Mark read" / "Mark unread" and "Hide" in a card's More menu (`m` and `x` on the keyboard). */
export function TriageButtons({ paperId, title, seen }: { paperId: string; title: string; seen: boolean }) {
  const read = useTriage((state) => state.read.get(paperId)) ?? seen;
  return (
    <>
      <button
        type="button"
        data-testid="mark-read-button"
        data-read={read ? "" : undefined}
        className={MENU_ITEM_CLASS}
        onClick={(event) => {
          closeMenu(event.currentTarget, false);
          void setPapersRead([paperId], !read);
        }}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.6}>
          {read ? <circle cx="10" cy="10" r="3.5" /> : <path d="m4 10.5 4 4 8-9" strokeLinecap="round" strokeLinejoin="round" />}
        </svg>
        {read ? "Mark unread" : "Mark read"}
      </button>
      <button
        type="button"
        data-testid="hide-button"
        className={MENU_ITEM_CLASS}
        onClick={(event) => {
          closeMenu(event.currentTarget, true);
          void hidePaper(paperId, title);
        }}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.6}>
          <path d="M3 10s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5zM4 4l12 12" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Hide: not interested
      </button>
    </>
  );
}
