"use server";

import "server-only";

import { isAppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import { setLibraryNote, setSaved } from "@/server/library/library";

export type SaveActionResult = { ok: true; saved: boolean } | { ok: false; message: string };

export async function setSavedAction(paperId: string, saved: boolean): Promise<SaveActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to save papers." };
  try {
    const result = await setSaved(db, user.id, paperId, saved);
    await pagesChanged({ from: "action", readerPages: ["/me/library"] });
    return { ok: true, saved: result };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: "The paper was not saved: something went wrong on our side. Please try again." };
  }
}

export type NoteState = { ok: true; savedAt: number } | { ok: false; message: string } | null;

/** Saves the private note on a library entry (a plain form post on /me/library). */
export async function saveNoteAction(_previous: NoteState, formData: FormData): Promise<NoteState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to edit notes." };
  try {
    await setLibraryNote(db, user.id, String(formData.get("paperId") ?? ""), String(formData.get("note") ?? ""));
    await pagesChanged({ from: "action", readerPages: ["/me/library"] });
    return { ok: true, savedAt: Date.now() };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: "The note was not saved: something went wrong on our side. Please try again." };
  }
}
