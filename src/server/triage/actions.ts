"use server";

import "server-only";

import { refresh } from "next/cache";
import { z } from "zod";
import { isArxivId } from "@/lib/arxiv-id";
import { densitySchema } from "@/lib/density";
import { isAppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { assertMayContribute, type CurrentUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { parseOrThrow } from "@/server/http/errors";
import { enforceRateLimit, type RateLimitRule } from "@/server/http/rate-limit";
import { hidePaper, MARK_SEEN_MAX_IDS, markSeen, markUnseen, setDensity, setHideRead, unhidePaper } from "@/server/triage/read-state";

// The read-state actions of lists and cards. None of them re-renders the page: the seen tracker
// calls markPapersRead every few seconds while the reader scrolls, and the cards update themselves
// (a client calls router.refresh() when it wants the list again). Only the "Hide read" switch,
// which changes the whole list, re-renders it.

export type TriageActionResult = { ok: true } | { ok: false; message: string };

// Generous for a reader triaging by keyboard plus the tracker's batches; low enough that one
// account cannot hammer the tables.
const TRIAGE_RATE_LIMIT: RateLimitRule = { limit: 240, windowMs: 60_000 };

const paperIdSchema = z.string().refine(isArxivId, { message: "is not an arXiv id (expected e.g. 2401.00001 or hep-th/9901001)" });
const paperIdsSchema = z
  .array(paperIdSchema)
  .min(1, "Name at least one paper.")
  .max(MARK_SEEN_MAX_IDS, `At most ${MARK_SEEN_MAX_IDS} papers can be marked at once.`);

type Reader = { ok: true; user: CurrentUser } | { ok: false; message: string };

async function signedInReader(what: string): Promise<Reader> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: `Your session has ended. Sign in again to ${what}.` };
  return { ok: true, user };
}

/** Runs a change for the signed-in, not suspended reader, rate limited; AppErrors become their message. */
async function asReader(what: string, failure: string, change: (user: CurrentUser) => Promise<void>): Promise<TriageActionResult> {
  const reader = await signedInReader(what);
  if (!reader.ok) return reader;
  try {
    assertMayContribute(reader.user);
    await enforceRateLimit(
      db,
      `triage:user:${reader.user.id}`,
      TRIAGE_RATE_LIMIT,
      (wait) => `Too many changes at once. Try again in ${wait}.`,
    );
    await change(reader.user);
    return { ok: true };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: failure };
  }
}

/** Marks papers read: the seen tracker's batches, "Mark all on this page read", a card's "Mark read". */
export async function markPapersRead(paperIds: string[]): Promise<TriageActionResult> {
  return asReader("mark papers read", "Not marked read: something went wrong on our side. Please try again.", async (user) => {
    await markSeen(db, user.id, parseOrThrow(paperIdsSchema, paperIds));
  });
}

/** A card's "Mark unread". */
export async function markPaperUnread(paperId: string): Promise<TriageActionResult> {
  return asReader("mark papers unread", "Not marked unread: something went wrong on our side. Please try again.", async (user) => {
    await markUnseen(db, user.id, [parseOrThrow(paperIdSchema, paperId)]);
  });
}

/** A card's "Hide" (not interested): the paper leaves every list this reader sees. */
export async function hidePaperAction(paperId: string): Promise<TriageActionResult> {
  return asReader("hide papers", "Not hidden: something went wrong on our side. Please try again.", async (user) => {
    await hidePaper(db, user.id, parseOrThrow(paperIdSchema, paperId));
  });
}

/** For-you's "Less like this": hidden, and a strong no for the reader's model, which learns it on the next render. */
export async function lessLikeThisAction(paperId: string): Promise<TriageActionResult> {
  return asReader("teach For you", "Not noted: something went wrong on our side. Please try again.", async (user) => {
    await hidePaper(db, user.id, parseOrThrow(paperIdSchema, paperId), new Date(), { lessLikeThis: true });
  });
}

/** Undoes "Hide". */
export async function unhidePaperAction(paperId: string): Promise<TriageActionResult> {
  return asReader("show hidden papers", "Not shown again: something went wrong on our side. Please try again.", async (user) => {
    await unhidePaper(db, user.id, parseOrThrow(paperIdSchema, paperId));
  });
}

export type HideReadState = { ok: true; hideRead: boolean } | { ok: false; message: string } | null;

/**
 * The "Hide read" switch above a list (a plain form post: `hideRead` is `1` or `0`), stored on the
 * account. The list the reader is on is rendered again with the answer.
 */
export async function setHideReadAction(_previous: HideReadState, formData: FormData): Promise<HideReadState> {
  const hideRead = formData.get("hideRead") === "1";
  const result = await asReader("change this setting", "Not changed: something went wrong on our side. Please try again.", async (user) => {
    await setHideRead(db, user.id, hideRead);
  });
  if (!result.ok) return result;
  refresh();
  return { ok: true, hideRead };
}

/**
 * Saves the density the reader picked in this browser on their account, so every browser they sign
 * in on opens lists in it. The page is not rendered again: the switch has already applied it.
 */
export async function setDensityAction(density: string): Promise<TriageActionResult> {
  return asReader("keep this density", "Not saved to your account: something went wrong on our side.", async (user) => {
    await setDensity(db, user.id, parseOrThrow(densitySchema, density));
  });
}
