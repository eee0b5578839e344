import "server-only";
import { paperIdParamsSchema } from "@/lib/api-params";
import type { LibraryEntry, LibrarySaveState } from "@/lib/api-responses";
import type { Db } from "@/server/db";
import { decodeSegment, handleErrors, parseOrThrow } from "@/server/http/errors";
import { listLibrary, setSaved } from "@/server/library/library";
import { toHfPaper } from "@/server/papers/hf-shape";
import { requireTokenUser } from "@/server/tokens/token-request";

// The reader's library over the API, with a personal access token: GET lists it (newest saved
// first, at most LIBRARY_LIMIT), PUT and DELETE on a paper save and unsave it (idempotent).

const NO_STORE = { "Cache-Control": "private, no-store" };

export function createLibraryListHandler(db: Db) {
  return handleErrors(async (request: Request) => {
    const { user } = await requireTokenUser(db, request, "read");
    const entries = await listLibrary(db, user.id);
    return Response.json(
      entries.map(({ paper, note, savedAt }): LibraryEntry => ({ paper: toHfPaper(paper), note, savedAt })),
      { headers: NO_STORE },
    );
  });
}

export function createLibrarySaveHandler(db: Db, saved: boolean) {
  return handleErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { user } = await requireTokenUser(db, request, "write");
    const { id } = parseOrThrow(paperIdParamsSchema, { id: decodeSegment((await params).id, "id") });
    await setSaved(db, user.id, id, saved);
    return Response.json({ id, saved } satisfies LibrarySaveState, { headers: NO_STORE });
  });
}
