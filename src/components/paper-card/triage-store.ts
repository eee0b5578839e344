import { useSyncExternalStore } from "react";
import {
  hidePaperAction,
  lessLikeThisAction,
  markPaperUnread,
  markPapersRead,
  unhidePaperAction,
  type TriageActionResult,
} from "@/server/triage/actions";

// What the reader did to the cards of this page, shown at once while the server is asked: the
// card the keyboard is on, papers hidden and papers marked read or unread. The cards
// (triage-card.tsx), their More menu, the keyboard (keyboard-triage.tsx) and the toast share it.
// It lives as long as the tab: a card hidden here stays hidden on the next list too.

export interface TriageToast {
  /** Changes with every toast, so a repeated message is announced again. */
  key: number;
  message: string;
  /** Set when the toast offers to undo a hide. */
  undo?: { paperId: string; title: string };
}

export interface TriageState {
  /** The paper the keyboard is on (j/k), null before the first move. */
  current: string | null;
  hidden: ReadonlySet<string>;
  /** Read (true) or unread (false) as marked in this tab; the server's answer for the rest. */
  read: ReadonlyMap<string, boolean>;
  toast: TriageToast | null;
}

const INITIAL: TriageState = { current: null, hidden: new Set(), read: new Map(), toast: null };

let state = INITIAL;
let toastKey = 0;
const listeners = new Set<() => void>();

function update(change: (previous: TriageState) => TriageState) {
  state = change(state);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A part of the triage state; the server (and hydration) sees the initial state. */
export function useTriage<T>(select: (state: TriageState) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => select(state),
    () => select(INITIAL),
  );
}

export function triageState(): TriageState {
  return state;
}

export function setCurrentPaper(paperId: string | null) {
  if (state.current !== paperId) update((previous) => ({ ...previous, current: paperId }));
}

export function showTriageToast(message: string, undo?: TriageToast["undo"]) {
  toastKey += 1;
  update((previous) => ({ ...previous, toast: { key: toastKey, message, undo } }));
}

export function dismissTriageToast() {
  if (state.toast) update((previous) => ({ ...previous, toast: null }));
}

function withHidden(paperId: string, hidden: boolean) {
  update((previous) => {
    const next = new Set(previous.hidden);
    if (hidden) next.add(paperId);
    else next.delete(paperId);
    return { ...previous, hidden: next };
  });
}

function withRead(paperIds: readonly string[], read: boolean | undefined) {
  update((previous) => {
    const next = new Map(previous.read);
    for (const id of paperIds) {
      if (read === undefined) next.delete(id);
      else next.set(id, read);
    }
    return { ...previous, read: next };
  });
}

const unreachable = (what: string) => (): TriageActionResult => ({
  ok: false,
  message: `${what}: we could not reach the server.`,
});

/** Hides the card at once with an Undo, then asks the server; puts it back if the server refuses. */
async function hideAtOnce(paperId: string, title: string, toast: string, send: () => Promise<TriageActionResult>): Promise<void> {
  withHidden(paperId, true);
  showTriageToast(toast, { paperId, title });
  const result = await send();
  if (result.ok) return;
  withHidden(paperId, false);
  showTriageToast(result.message);
}

/** "Hide" (not interested): the card leaves the page at once, with an Undo. */
export function hidePaper(paperId: string, title: string): Promise<void> {
  return hideAtOnce(paperId, title, `Hidden: “${title}”.`, () => hidePaperAction(paperId).catch(unreachable("Not hidden")));
}

/** For-you's "Less like this": hidden at once like Hide, and a strong no for the reader's model. */
export function lessLikeThis(paperId: string, title: string): Promise<void> {
  return hideAtOnce(paperId, title, `Less like “${title}”: For you learns from it on your next visit.`, () =>
    lessLikeThisAction(paperId).catch(unreachable("Not noted")),
  );
}

/** The toast's Undo. */
export async function undoHide(paperId: string, title: string): Promise<void> {
  withHidden(paperId, false);
  showTriageToast(`Shown again: “${title}”.`);
  const result = await unhidePaperAction(paperId).catch(unreachable("Not shown again"));
  if (result.ok) return;
  withHidden(paperId, true);
  showTriageToast(result.message);
}

/** The action takes one paper at a time (a card's "Mark unread"). */
async function markUnread(paperIds: readonly string[]): Promise<TriageActionResult> {
  for (const id of paperIds) {
    const result = await markPaperUnread(id);
    if (!result.ok) return result;
  }
  return { ok: true };
}

/**
 * Marks papers read (or unread) at once, undone if the server refuses. Other code that marks
 * papers read (a tracker of cards seen in view) can call it with `persist: false` after its own
 * server call, so the cards dim at once too.
 */
export async function setPapersRead(paperIds: readonly string[], read: boolean, { persist = true } = {}): Promise<void> {
  const before = paperIds.map((id) => state.read.get(id));
  withRead(paperIds, read);
  if (!persist) return;
  const result = await (read ? markPapersRead([...paperIds]) : markUnread(paperIds)).catch(
    unreachable(read ? "Not marked read" : "Not marked unread"),
  );
  if (result.ok) return;
  paperIds.forEach((id, index) => withRead([id], before[index]));
  showTriageToast(result.message);
}
