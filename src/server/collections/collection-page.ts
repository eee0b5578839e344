import "server-only";
import { cache } from "react";
import { collectionAddressSchema } from "@/lib/collections/collection-address";
import { decodePathSegment } from "@/lib/url-path";
import { getCurrentUser } from "@/server/auth/current-user";
import { visibleCollection } from "@/server/collections/collections";
import { db } from "@/server/db";

// A collection's page and its metadata ask for the same collection: looked up once per request, for the reader.
export const loadCollectionPage = cache(async (rawHandle: string, rawSlug: string, key: string | null) => {
  const user = await getCurrentUser();
  const address = collectionAddressSchema.safeParse({ handle: decodePathSegment(rawHandle) ?? "", slug: decodePathSegment(rawSlug) ?? "" });
  const collection = address.success ? await visibleCollection(db, { ...address.data, key }, user?.id ?? null) : null;
  return { user, collection };
});
