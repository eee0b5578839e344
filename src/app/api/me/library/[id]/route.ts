import { db } from "@/server/db";
import { createLibrarySaveHandler } from "@/server/library/library-api-handlers";

/** PUT /api/me/library/<arXiv id> saves the paper, DELETE unsaves it (old-style ids with the slash encoded). */
export const PUT = createLibrarySaveHandler(db, true);
export const DELETE = createLibrarySaveHandler(db, false);
