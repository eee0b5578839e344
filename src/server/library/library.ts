import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { db as sharedDb, type Db } from "@/server/db";
import { parseOrThrow } from "@/server/http/errors";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";

/** A library shows and exports at most this many papers, newest saved first. */
export const LIBRARY_LIMIT = 1_000;

export const libraryNoteSchema = z
  .string()
  .trim()
  .max(2_000, "Notes can be up to 2,000 characters.")
  .transform((note) => note || null);

export interface LibraryEntry {
  paper: PaperDto;
  note: string | null;
  savedAt: string;
}

/** Saves or unsaves a paper for the reader (idempotent); 404 for a paper that is not here. */
export async function setSaved(db: Db, userId: string, paperId: string, saved: boolean): Promise<boolean> {
  if (!saved) {
    await db.savedPaper.deleteMany({ where: { userId, paperId } });
    return false;
  }
  const paper = await db.paper.findFirst({ where: { id: paperId, hiddenAt: null }, select: { id: true } });
  if (!paper) throw new AppError("NOT_FOUND", `There is no paper ${paperId} here.`);
  await db.savedPaper.upsert({ where: { userId_paperId: { userId, paperId } }, create: { userId, paperId }, update: {} });
  return true;
}

export async function setLibraryNote(db: Db, userId: string, paperId: string, rawNote: string): Promise<void> {
  const note = parseOrThrow(libraryNoteSchema, rawNote);
  const { count } = await db.savedPaper.updateMany({ where: { userId, paperId }, data: { note } });
  if (count === 0) throw new AppError("NOT_FOUND", "Save the paper first, then add a note.");
}

/** Which of these papers the reader saved: one query for a whole page of cards. */
export async function getSavedPaperIds(db: Db, userId: string | null | undefined, paperIds: string[]): Promise<Set<string>> {
  if (!userId || paperIds.length === 0) return new Set();
  const rows = await db.savedPaper.findMany({ where: { userId, paperId: { in: paperIds } }, select: { paperId: true } });
  return new Set(rows.map((row) => row.paperId));
}

/** The reader's saved papers, newest saved first: the first LIBRARY_LIMIT, or `limit` of them from `offset`. */
export async function listLibrary(
  db: Db,
  userId: string,
  { offset = 0, limit = LIBRARY_LIMIT }: { offset?: number; limit?: number } = {},
): Promise<LibraryEntry[]> {
  const rows = await db.savedPaper.findMany({
    where: { userId, paper: { hiddenAt: null } },
    orderBy: [{ createdAt: "desc" }, { paperId: "asc" }],
    skip: offset,
    take: limit,
    select: { note: true, createdAt: true, paper: { select: paperSelect } },
  });
  return rows.map((row) => ({ paper: toPaperDto(row.paper), note: row.note, savedAt: row.createdAt.toISOString() }));
}

/** The viewer's saved papers among these (none when signed out): per request, beside the cached cards. */
export async function getViewerSaves(paperIds: string[]): Promise<Set<string>> {
  const user = await getCurrentUser();
  return getSavedPaperIds(sharedDb, user?.id, paperIds);
}
