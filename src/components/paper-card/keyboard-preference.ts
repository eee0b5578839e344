// Whether the single-key list shortcuts (j, k, o, u, s, x, m, ?) are on: WCAG 2.1.4 asks that a
// reader can turn them off. Kept in localStorage and in a cookie of the same name, so a page
// rendered for a signed-in reader (/me) can show the switch in its state without waiting for
// JavaScript; the anonymous page cache never reads it.

export const SHORTCUTS_KEY = "keyboard-shortcuts";
/** Dispatched on window to open the shortcuts dialog (the density switch's "?" button). */
export const OPEN_SHORTCUTS_EVENT = "open-keyboard-shortcuts";
/** Dispatched on window when the choice changes in this tab. */
export const SHORTCUTS_CHANGE_EVENT = "keyboard-shortcuts-change";

/** Whether a cookie header (or `document.cookie`) turns the shortcuts off. */
export function shortcutsOffInCookie(cookie: string): boolean {
  return new RegExp(`(?:^|;\\s*)${SHORTCUTS_KEY}=off(?:;|$)`).test(cookie);
}

/** Browser only. */
export function shortcutsEnabled(): boolean {
  try {
    const stored = localStorage.getItem(SHORTCUTS_KEY);
    if (stored !== null) return stored !== "off";
  } catch {
    // Storage refused (private mode): the cookie decides.
  }
  return !shortcutsOffInCookie(document.cookie);
}

/** Browser only. */
export function setShortcutsEnabled(enabled: boolean): void {
  try {
    if (enabled) localStorage.removeItem(SHORTCUTS_KEY);
    else localStorage.setItem(SHORTCUTS_KEY, "off");
  } catch {
    // The cookie below still keeps the choice.
  }
  document.cookie = enabled
    ? `${SHORTCUTS_KEY}=; Path=/; Max-Age=0; SameSite=Lax`
    : `${SHORTCUTS_KEY}=off; Path=/; Max-Age=31536000; SameSite=Lax`;
  window.dispatchEvent(new Event(SHORTCUTS_CHANGE_EVENT));
}
