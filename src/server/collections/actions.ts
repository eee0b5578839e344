"use server";

import "server-only";

import { redirect } from "next/navigation";
import { collectionPath } from "@/lib/collections/collection-form";
import { isAppError } from "@/lib/errors";
import { getCurrentUser } from "@/server/auth/current-user";
import { pagesChanged } from "@/server/changes/pages-changed";
import {
  createCollection,
  deleteCollection,
  listOwnCollections,
  ownCollectionById,
  rotateShareKey,
  setCollectionFollowed,
  setCollectionNote,
  setPaperInCollection,
  updateCollection,
  type CollectionSummary,
} from "@/server/collections/collections";
import { db } from "@/server/db";
import { formFailure, formText, signedOutForm, typedValues, type FormState } from "@/server/forms/form-state";

// Collection pages are rendered per reader (the owner's tools, the follow button): these make the
// acting reader's next render read the change.
async function refresh(collection: { handle: string; slug: string }): Promise<void> {
  await pagesChanged({ from: "action", readerPages: ["/me/collections", "/me/library", collectionPath(collection)] });
}

type Result<T> = ({ ok: true } & T) | { ok: false; message: string };

async function asReader<T>(doing: string, run: (userId: string) => Promise<T>): Promise<Result<T>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: `Your session has ended. Sign in again to ${doing}.` };
  try {
    return { ok: true, ...(await run(user.id)) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: `Could not ${doing}: something went wrong on our side. Please try again.` };
  }
}

export type CollectionChoice = Pick<CollectionSummary, "id" | "name" | "visibility" | "papers"> & { holdsPaper: boolean };

/** The reader's collections for a card's "Add to collection" menu, each saying whether it holds the paper. */
export async function collectionsForPaperAction(paperId: string): Promise<Result<{ collections: CollectionChoice[] }>> {
  return asReader("see your collections", async (userId) => ({
    collections: (await listOwnCollections(db, userId, paperId)).map(({ id, name, visibility, papers, holdsPaper }) => ({
      id,
      name,
      visibility,
      papers,
      holdsPaper,
    })),
  }));
}

export async function setPaperInCollectionAction(collectionId: string, paperId: string, inIt: boolean): Promise<Result<{ inIt: boolean }>> {
  return asReader(inIt ? "add the paper" : "remove the paper", async (userId) => {
    const result = await setPaperInCollection(db, userId, collectionId, paperId, inIt);
    await refresh(await ownCollectionById(db, userId, collectionId));
    return { inIt: result };
  });
}

/** "New collection" in a card's menu: makes a private collection holding this paper. */
export async function createCollectionWithPaperAction(name: string, paperId: string): Promise<Result<{ collection: CollectionChoice }>> {
  return asReader("make the collection", async (userId) => {
    const collection = await createCollection(db, userId, { name });
    await setPaperInCollection(db, userId, collection.id, paperId, true);
    await refresh(collection);
    return { collection: { id: collection.id, name: collection.name, visibility: collection.visibility, papers: 1, holdsPaper: true } };
  });
}

export async function setCollectionFollowedAction(collectionId: string, followed: boolean): Promise<Result<{ followed: boolean }>> {
  return asReader(followed ? "follow the collection" : "unfollow the collection", async (userId) => {
    const result = await setCollectionFollowed(db, userId, collectionId, followed);
    await pagesChanged({ from: "action", readerPages: ["/me/collections", "/papers/for-you"] });
    return { followed: result };
  });
}

/** The form on /me/collections: makes a collection and opens it. */
export async function createCollectionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOutForm(formData, "make a collection");
  let path: string;
  try {
    const collection = await createCollection(db, user.id, typedValues(formData));
    await refresh(collection);
    path = collectionPath(collection);
  } catch (error) {
    return formFailure(error, formData, "The collection was not made");
  }
  redirect(path);
}

/** The owner's "Edit" form on a collection's page: name, description, who may see it. */
export async function updateCollectionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOutForm(formData, "change the collection");
  try {
    const { id, ...changes } = typedValues(formData);
    const collection = await updateCollection(db, user.id, id ?? "", changes);
    await refresh(collection);
    return { ok: true, message: "Saved.", at: Date.now() };
  } catch (error) {
    return formFailure(error, formData, "The collection was not changed");
  }
}

export async function setCollectionNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOutForm(formData, "edit notes");
  try {
    const collectionId = formText(formData, "collectionId");
    await setCollectionNote(db, user.id, collectionId, formText(formData, "paperId"), formText(formData, "note"));
    await refresh(await ownCollectionById(db, user.id, collectionId));
    return { ok: true, message: "Note saved.", at: Date.now() };
  } catch (error) {
    return formFailure(error, formData, "The note was not saved");
  }
}

export async function rotateShareKeyAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect("/auth/signin");
  const collectionId = formText(formData, "collectionId");
  await rotateShareKey(db, user.id, collectionId);
  await refresh(await ownCollectionById(db, user.id, collectionId));
}

export async function deleteCollectionAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect("/auth/signin");
  const collectionId = formText(formData, "collectionId");
  const collection = await ownCollectionById(db, user.id, collectionId);
  await deleteCollection(db, user.id, collectionId);
  await refresh(collection);
  redirect("/me/collections");
}
