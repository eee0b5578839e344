import { z } from "zod";
import { isSingleLine, isStorableMultiline, SINGLE_LINE_MESSAGE, STORABLE_MESSAGE } from "@/lib/groups/text-rules";

export const COLLECTION_NAME_MAX = 80;
export const COLLECTION_DESCRIPTION_MAX = 1000;
export const COLLECTION_NOTE_MAX = 2000;
/** Collections a reader may have. */
export const MAX_COLLECTIONS = 100;
/** Papers a collection may hold: its page, feeds and exports stay one bounded read. */
export const MAX_COLLECTION_PAPERS = 500;

export const COLLECTION_VISIBILITIES = ["PRIVATE", "UNLISTED", "PUBLIC"] as const;
export type CollectionVisibilityName = (typeof COLLECTION_VISIBILITIES)[number];

export const VISIBILITY_LABELS: Record<CollectionVisibilityName, { label: string; help: string }> = {
  PRIVATE: { label: "Private", help: "Only you can see it." },
  UNLISTED: { label: "Unlisted", help: "Anyone with its secret link can see it; it is listed nowhere." },
  PUBLIC: { label: "Public", help: "Anyone can see and follow it; it shows on your profile." },
};

export const collectionVisibilitySchema = z.enum(COLLECTION_VISIBILITIES, {
  error: "Choose who may see it: private, unlisted or public.",
});

const nameSchema = z
  .string({ error: "Give the collection a name." })
  .trim()
  .min(1, "Give the collection a name.")
  .max(COLLECTION_NAME_MAX, `Keep the name to ${COLLECTION_NAME_MAX} characters.`)
  .refine(isSingleLine, SINGLE_LINE_MESSAGE);

const descriptionSchema = z
  .string()
  .trim()
  .max(COLLECTION_DESCRIPTION_MAX, `Keep the description to ${COLLECTION_DESCRIPTION_MAX.toLocaleString("en-US")} characters.`)
  .refine(isStorableMultiline, STORABLE_MESSAGE)
  .transform((text) => text || null);

/** Making a collection (the form on /me/collections, the card menu's "New collection", the API). */
export const newCollectionSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.default(null),
  visibility: collectionVisibilitySchema.default("PRIVATE"),
});
export type NewCollection = z.infer<typeof newCollectionSchema>;

/** Editing one: any of its fields. */
export const collectionChangesSchema = z
  .object({ name: nameSchema, description: descriptionSchema, visibility: collectionVisibilitySchema })
  .partial();
export type CollectionChanges = z.infer<typeof collectionChangesSchema>;

export const collectionNoteSchema = z
  .string()
  .trim()
  .max(COLLECTION_NOTE_MAX, `Notes can be up to ${COLLECTION_NOTE_MAX.toLocaleString("en-US")} characters.`)
  .refine(isStorableMultiline, STORABLE_MESSAGE)
  .transform((note) => note || null);

/** The address of a collection the owner and followers use; unlisted ones add `?key=`. */
export function collectionPath(collection: { handle: string; slug: string }): string {
  return `/collections/${encodeURIComponent(collection.handle)}/${collection.slug}`;
}

/** Why a paper from a followed collection is in someone's for-you or digest. */
export function collectionReason(collection: { name: string; handle: string }): string {
  return `In ${collection.name} by ${collection.handle}`;
}
