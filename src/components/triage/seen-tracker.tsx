"use client";

import { useEffect, useRef } from "react";
import { markPapersRead } from "@/server/triage/actions";

/** A card counts as seen after this long at least this much in view (or filling this much of the screen). */
const DWELL_MS = 1_500;
const IN_VIEW = 0.6;
/** Seen ids go to the server in batches this often, and when the page is hidden or left. */
const FLUSH_MS = 4_000;
/** The server takes at most this many ids a call (MARK_SEEN_MAX_IDS). */
const BATCH = 200;
const THRESHOLDS = Array.from({ length: 11 }, (_, index) => index / 10);

const CARD = '[data-testid="paper-card"][data-paper-id]';

function inView(entry: IntersectionObserverEntry): boolean {
  if (!entry.isIntersecting) return false;
  // A card taller than the screen never shows 60% of itself: filling 60% of the screen counts too.
  const screen = entry.rootBounds?.height ?? window.innerHeight;
  return entry.intersectionRatio >= IN_VIEW || entry.intersectionRect.height >= IN_VIEW * screen;
}

/**
 * Marks the cards of the list it sits in as seen, for a signed-in reader: a card that stays in view
 * for a moment, or whose link is followed. Renders nothing; the ids are sent in batches every few
 * seconds and when the page is hidden, left or navigated away from. Only the cards of
 * `unseenIds` are watched (the others are seen already).
 */
export function SeenTracker({ unseenIds }: { unseenIds: string[] }) {
  const anchor = useRef<HTMLSpanElement>(null);
  const key = unseenIds.join(" ");

  useEffect(() => {
    const container = anchor.current?.closest("[data-triage-list]");
    if (!container || typeof IntersectionObserver === "undefined") return;
    const wanted = new Set(key.split(" ").filter(Boolean));
    if (wanted.size === 0) return;
    const pending = new Set<string>();
    const timers = new Map<Element, number>();
    const visible = new Set<Element>();
    let stopped = false;

    const flush = () => {
      while (pending.size > 0 && !stopped) {
        const ids = [...pending].slice(0, BATCH);
        for (const id of ids) pending.delete(id);
        void markPapersRead(ids)
          .then((result) => {
            // Signed out or suspended meanwhile: stop watching.
            if (!result.ok) stopped = true;
          })
          .catch(() => {
            // Offline: try again with the next batch.
            for (const id of ids) pending.add(id);
          });
      }
    };

    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (inView(entry)) {
            visible.add(entry.target);
            startTimer(entry.target);
          } else {
            visible.delete(entry.target);
            stopTimer(entry.target);
          }
        }
      },
      { threshold: THRESHOLDS },
    );

    const markSeen = (card: Element) => {
      const id = (card as HTMLElement).dataset.paperId;
      stopTimer(card);
      visible.delete(card);
      observer.unobserve(card);
      if (id && wanted.delete(id)) pending.add(id);
    };

    function startTimer(card: Element) {
      if (timers.has(card) || document.visibilityState !== "visible") return;
      timers.set(
        card,
        window.setTimeout(() => markSeen(card), DWELL_MS),
      );
    }

    function stopTimer(card: Element) {
      const timer = timers.get(card);
      if (timer !== undefined) window.clearTimeout(timer);
      timers.delete(card);
    }

    const watch = () => {
      for (const card of container.querySelectorAll(CARD)) {
        const id = (card as HTMLElement).dataset.paperId;
        if (id && wanted.has(id)) observer.observe(card);
      }
    };
    watch();
    // Cards rendered again (a refresh, a client navigation within the list) are new elements.
    const mutations = new MutationObserver(watch);
    mutations.observe(container, { childList: true, subtree: true });

    // Following a card's link (opening the paper, its PDF, its discussion) counts at once.
    const onClick = (event: Event) => {
      const target = event.target instanceof Element ? event.target : null;
      const card = target?.closest("a[href]") ? target.closest(CARD) : null;
      if (card && container.contains(card)) {
        markSeen(card);
        flush();
      }
    };
    container.addEventListener("click", onClick);
    container.addEventListener("auxclick", onClick);

    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        for (const card of visible) startTimer(card);
      } else {
        for (const card of [...timers.keys()]) stopTimer(card);
        flush();
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    const interval = window.setInterval(flush, FLUSH_MS);

    return () => {
      window.clearInterval(interval);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
      container.removeEventListener("click", onClick);
      container.removeEventListener("auxclick", onClick);
      mutations.disconnect();
      observer.disconnect();
      for (const card of [...timers.keys()]) stopTimer(card);
      flush();
    };
  }, [key]);

  return <span ref={anchor} hidden data-testid="seen-tracker" />;
}
