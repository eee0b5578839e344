import "server-only";
import { siteUrl } from "@/env";
import {
  collectionIdParamsSchema,
  collectionPageParamsSchema,
  collectionPaperParamsSchema,
  type CollectionBody,
  type CollectionDeleted,
  type CollectionPageBody,
  type CollectionPaperState,
} from "@/lib/collections/collection-api";
import { collectionPath } from "@/lib/collections/collection-form";
import {
  COLLECTION_PAGE_SIZE,
  createCollection,
  deleteCollection,
  listCollectionPapers,
  listOwnCollections,
  ownCollectionById,
  setPaperInCollection,
  type CollectionSummary,
} from "@/server/collections/collections";
import type { Db } from "@/server/db";
import { readJsonBody } from "@/server/http/body";
import { decodeSegment, handleErrors, parseOrThrow } from "@/server/http/errors";
import { toHfPaper } from "@/server/papers/hf-shape";
import { requireTokenUser } from "@/server/tokens/token-request";

// The reader's collections over the API, with a personal access token: list and make them, read
// one with a page of its papers, delete one, put papers in and take them out (idempotent).

const NO_STORE = { "Cache-Control": "private, no-store" };

function collectionBody(collection: CollectionSummary & { shareKey: string | null }): CollectionBody {
  const path = collectionPath(collection);
  const key = collection.visibility === "UNLISTED" && collection.shareKey ? `?key=${encodeURIComponent(collection.shareKey)}` : "";
  const { id, name, description, visibility, papers, followers, hidden, updatedAt } = collection;
  return { id, name, description, visibility, url: new URL(`${path}${key}`, siteUrl).toString(), papers, followers, hidden, updatedAt };
}

type IdContext = { params: Promise<{ id: string }> };
type PaperContext = { params: Promise<{ id: string; paperId: string }> };

/** GET /api/me/collections and POST /api/me/collections. */
export function createCollectionsHandlers(db: Db) {
  return {
    GET: handleErrors(async (request: Request) => {
      const { user } = await requireTokenUser(db, request, "read");
      return Response.json((await listOwnCollections(db, user.id)).map(collectionBody), { headers: NO_STORE });
    }),
    POST: handleErrors(async (request: Request) => {
      const { user } = await requireTokenUser(db, request, "write");
      const made = await createCollection(db, user.id, await readJsonBody(request));
      return Response.json(collectionBody(made), { status: 201, headers: NO_STORE });
    }),
  };
}

/** GET /api/me/collections/{id}?p= and DELETE /api/me/collections/{id}. */
export function createCollectionHandlers(db: Db) {
  return {
    GET: handleErrors<IdContext>(async (request, { params }) => {
      const { user } = await requireTokenUser(db, request, "read");
      const { id } = parseOrThrow(collectionIdParamsSchema, { id: decodeSegment((await params).id, "id") });
      const { p } = parseOrThrow(collectionPageParamsSchema, Object.fromEntries(new URL(request.url).searchParams));
      const collection = await ownCollectionById(db, user.id, id);
      const { entries, more } = await listCollectionPapers(db, id, { offset: p * COLLECTION_PAGE_SIZE });
      const body: CollectionPageBody = {
        collection: collectionBody(collection),
        papers: entries.map(({ paper, note, addedAt }) => ({ paper: toHfPaper(paper), note, addedAt })),
        nextPage: more ? p + 1 : null,
      };
      return Response.json(body, { headers: NO_STORE });
    }),
    DELETE: handleErrors<IdContext>(async (request, { params }) => {
      const { user } = await requireTokenUser(db, request, "write");
      const { id } = parseOrThrow(collectionIdParamsSchema, { id: decodeSegment((await params).id, "id") });
      await deleteCollection(db, user.id, id);
      return Response.json({ id, deleted: true } satisfies CollectionDeleted, { headers: NO_STORE });
    }),
  };
}

/** PUT and DELETE /api/me/collections/{id}/papers/{paperId}. */
export function createCollectionPaperHandler(db: Db, inCollection: boolean) {
  return handleErrors<PaperContext>(async (request, { params }) => {
    const { user } = await requireTokenUser(db, request, "write");
    const raw = await params;
    const { id, paperId } = parseOrThrow(collectionPaperParamsSchema, {
      id: decodeSegment(raw.id, "id"),
      paperId: decodeSegment(raw.paperId, "paperId"),
    });
    const now = await setPaperInCollection(db, user.id, id, paperId, inCollection);
    return Response.json({ collectionId: id, id: paperId, inCollection: now } satisfies CollectionPaperState, { headers: NO_STORE });
  });
}
