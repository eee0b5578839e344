"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { KeyboardShortcutsToggle } from "@/components/keyboard-shortcuts-toggle";
import { OPEN_SHORTCUTS_EVENT, shortcutsEnabled } from "@/components/paper-card/keyboard-preference";
import {
  dismissTriageToast,
  hidePaper,
  setCurrentPaper,
  setPapersRead,
  triageState,
  undoHide,
  useTriage,
} from "@/components/paper-card/triage-store";
import { CrossIcon } from "@/components/ui/cross-icon";

// Keyboard triage of a list of papers, mounted once in the root layout; it does something only on
// pages with paper cards. A virtual cursor (the "current" card, ringed) moves with j/k and is
// announced in a polite live region; the keys act on that card by pressing its own controls, so
// they do exactly what a click does. Off while typing in a field, with Ctrl/Alt/Meta, while a
// modal dialog is open, and when the reader turned the shortcuts off (WCAG 2.1.4).

const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ["j", "k"], what: "Next, previous paper" },
  { keys: ["o", "Enter"], what: "Open the paper" },
  { keys: ["u"], what: "Upvote, or take the upvote back" },
  { keys: ["s"], what: "Save to your library, or remove" },
  { keys: ["m"], what: "Mark read, or unread" },
  { keys: ["x"], what: "Hide: not interested" },
  { keys: ["z"], what: "Undo the last hide" },
  { keys: ["?"], what: "Show these shortcuts" },
];

const CARD = "[data-testid=paper-card]";

function visibleCards(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`${CARD}:not([hidden])`)];
}

function titleOf(card: HTMLElement): string {
  return card.querySelector("[data-testid=paper-title]")?.textContent?.trim() ?? "";
}

/** Keys typed into a field (or any editable content) are the reader's text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])") !== null;
}

/** Enter on a link, button or other control does what that control does. */
function isControl(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest("a[href], button, summary, [role=button], [role=link], [tabindex]:not([tabindex='-1'])") !== null;
}

export function KeyboardTriage() {
  const pathname = usePathname();
  const [announcement, setAnnouncement] = useState("");
  const help = useRef<HTMLDialogElement>(null);
  const announcer = useRef<HTMLParagraphElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const placeByPath = useRef(new Map<string, string>());
  const path = useRef(pathname);

  // Each list keeps its own place: back from a paper opened with `o`, `j` goes on from there.
  useEffect(() => {
    const places = placeByPath.current;
    const { current } = triageState();
    if (current) places.set(path.current, current);
    path.current = pathname;
    setCurrentPaper(places.get(pathname) ?? null);
  }, [pathname]);

  useEffect(() => {
    function announce(message: string) {
      // The same words twice in a row are announced again.
      setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message));
    }

    function openHelp() {
      const dialog = help.current;
      if (!dialog || dialog.open) return;
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    }

    function select(cards: HTMLElement[], index: number) {
      const card = cards[index]!;
      setCurrentPaper(card.dataset.paperId ?? null);
      card.scrollIntoView({ block: "nearest" });
      announce(`Paper ${index + 1} of ${cards.length}: ${titleOf(card)}`);
    }

    function move(cards: HTMLElement[], step: 1 | -1) {
      const { current } = triageState();
      const at = cards.findIndex((card) => card.dataset.paperId === current);
      if (at === -1) {
        // No card yet: start at the first one on the screen.
        const first = cards.findIndex((card) => card.getBoundingClientRect().bottom > 0);
        return select(cards, first === -1 ? cards.length - 1 : first);
      }
      const next = at + step;
      if (next < 0) return announce(`First paper on this page: ${titleOf(cards[0]!)}`);
      if (next >= cards.length) return announce(`Last paper on this page: ${titleOf(cards[at]!)}`);
      select(cards, next);
    }

    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      // A modal dialog open (this help or any other) takes the keys.
      if (isTyping(event.target) || document.querySelector("dialog:modal") || !shortcutsEnabled()) return;
      const key = event.key === "?" || event.key === "Enter" || !event.shiftKey ? event.key : "";
      if (!["j", "k", "o", "Enter", "u", "s", "m", "x", "z", "?"].includes(key)) return;
      const cards = visibleCards();
      if (cards.length === 0) return;
      if (key === "Enter" && isControl(event.target)) return;

      const { current } = triageState();
      const card = cards.find((element) => element.dataset.paperId === current);
      if (key === "?") {
        event.preventDefault();
        return openHelp();
      }
      if (key === "j" || key === "k") {
        event.preventDefault();
        return move(cards, key === "j" ? 1 : -1);
      }
      if (key === "z") {
        const undo = triageState().toast?.undo;
        if (undo) void undoHide(undo.paperId, undo.title);
        else announce("Nothing to undo.");
        return;
      }
      if (!card) {
        if (key !== "Enter") announce("Press j to choose a paper first.");
        return;
      }
      event.preventDefault();
      const title = titleOf(card);
      switch (key) {
        case "o":
        case "Enter":
          card.querySelector<HTMLElement>("[data-testid=paper-title]")?.click();
          return;
        case "u": {
          const button = card.querySelector<HTMLElement>("[data-testid=upvote-button]");
          if (!button) return;
          // Signed out, the button goes to the sign-in page (and upvotes on the way back).
          const signedOut = button.getAttribute("aria-label")?.endsWith("sign in to upvote");
          const wasUpvoted = button.getAttribute("aria-pressed") === "true";
          button.click();
          if (!signedOut) announce(wasUpvoted ? `Upvote taken back: ${title}` : `Upvoted: ${title}`);
          return;
        }
        case "s": {
          const button = card.querySelector<HTMLElement>("[data-testid=save-button]");
          if (!button) return announce("Sign in to save papers to your library.");
          const wasSaved = button.getAttribute("aria-pressed") === "true";
          button.click();
          return announce(wasSaved ? `Removed from your library: ${title}` : `Saved to your library: ${title}`);
        }
        case "m": {
          const button = card.querySelector<HTMLElement>("[data-testid=mark-read-button]");
          if (!button) return announce("Sign in to mark papers read.");
          const read = button.hasAttribute("data-read");
          void setPapersRead([card.dataset.paperId!], !read);
          return announce(read ? `Marked unread: ${title}` : `Marked read: ${title}`);
        }
        case "x": {
          if (!card.querySelector("[data-testid=hide-button]")) return announce("Sign in to hide papers.");
          const index = cards.indexOf(card);
          const rest = cards.filter((other) => other !== card);
          void hidePaper(card.dataset.paperId!, title);
          // On to the next paper, as after reading one.
          if (rest.length === 0) return setCurrentPaper(null);
          return select(rest, Math.min(index, rest.length - 1));
        }
      }
    }

    document.addEventListener("keydown", onKeyDown);
    window.addEventListener(OPEN_SHORTCUTS_EVENT, openHelp);
    // For tests and tools: the keys work from now on.
    announcer.current?.setAttribute("data-ready", "");
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      window.removeEventListener(OPEN_SHORTCUTS_EVENT, openHelp);
    };
  }, []);

  return (
    <>
      {/* A live region, not role=status: it is on every page, and a page's own status message should stay the only one. */}
      <p ref={announcer} aria-live="polite" aria-atomic="true" data-testid="triage-announcer" className="sr-only">
        {announcement}
      </p>
      <TriageToast />
      <dialog
        ref={help}
        aria-labelledby="keyboard-shortcuts-title"
        data-testid="keyboard-shortcuts-help"
        onClose={() => {
          const target = returnFocus.current;
          returnFocus.current = null;
          if (target?.isConnected) target.focus();
        }}
        className="m-auto w-[min(30rem,calc(100%-2rem))] rounded-xl border border-gray-200 bg-white p-5 text-gray-900 shadow-xl backdrop:bg-gray-950/50 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100"
      >
        <div className="flex items-start justify-between gap-4">
          <h2 id="keyboard-shortcuts-title" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <form method="dialog">
            <button
              type="submit"
              className="rounded-md px-2 py-1 text-sm font-medium text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-gray-300 dark:hover:bg-gray-800"
            >
              Close
            </button>
          </form>
        </div>
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">On any list of papers, when you are not typing in a field.</p>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map(({ keys, what }) => (
            <div key={what} className="contents">
              <dt className="flex gap-1">
                {keys.map((key) => (
                  <kbd
                    key={key}
                    className="inline-flex min-w-6 justify-center rounded border border-gray-300 bg-gray-50 px-1.5 font-mono text-xs leading-5 text-gray-800 dark:border-gray-600 dark:bg-gray-800 dark:text-gray-200"
                  >
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-gray-700 dark:text-gray-300">{what}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-gray-600 dark:text-gray-400">Upvoting, saving, marking read and hiding need you to be signed in.</p>
        <div className="mt-4 border-t border-gray-200 pt-4 dark:border-gray-700">
          <KeyboardShortcutsToggle />
        </div>
      </dialog>
    </>
  );
}

const TOAST_MS = 10_000;

/** "Hidden: …" with Undo, and the reason when the server refused a change; gone after ten seconds unless pointed at or focused. */
function TriageToast() {
  const toast = useTriage((state) => state.toast);
  const held = useRef(false);

  useEffect(() => {
    if (!toast) return;
    let timer: ReturnType<typeof setTimeout>;
    const wait = () => {
      timer = setTimeout(() => (held.current ? wait() : dismissTriageToast()), TOAST_MS);
    };
    wait();
    return () => clearTimeout(timer);
  }, [toast]);

  return (
    <div
      aria-live="polite"
      data-testid="triage-toast"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4"
    >
      {toast && (
        <div
          key={toast.key}
          onPointerEnter={() => (held.current = true)}
          onPointerLeave={() => (held.current = false)}
          onFocus={() => (held.current = true)}
          onBlur={() => (held.current = false)}
          className="pointer-events-auto flex max-w-lg items-center gap-3 rounded-lg bg-gray-900 py-2 pr-2 pl-4 text-sm text-white shadow-lg dark:bg-gray-100 dark:text-gray-900"
        >
          <span className="min-w-0">{toast.message}</span>
          {toast.undo && (
            <button
              type="button"
              onClick={() => void undoHide(toast.undo!.paperId, toast.undo!.title)}
              className="shrink-0 rounded-md px-2 py-1 font-semibold text-indigo-200 underline hover:bg-gray-800 focus-visible:outline-2 focus-visible:outline-indigo-300 dark:text-indigo-700 dark:hover:bg-gray-200 dark:focus-visible:outline-indigo-600"
            >
              Undo
            </button>
          )}
          <button
            type="button"
            aria-label="Dismiss"
            onClick={dismissTriageToast}
            className="inline-flex size-7 shrink-0 items-center justify-center rounded-md hover:bg-gray-800 focus-visible:outline-2 focus-visible:outline-indigo-300 dark:hover:bg-gray-200 dark:focus-visible:outline-indigo-600"
          >
            <CrossIcon />
          </button>
        </div>
      )}
    </div>
  );
}
