import { z } from "zod";
import { MAX_COLLECTION_PAPERS } from "@/lib/collections/collection-form";
import { slugPattern } from "@/lib/groups/slug";
import { handleInAddressSchema } from "@/lib/handles";

/** The segments of /collections/<handle>/<slug>, decoded. */
export const collectionAddressSchema = z.object({
  handle: handleInAddressSchema,
  slug: z.string().max(64).regex(slugPattern),
});

/** Its query: an unlisted collection's key, and the page of papers (50 a page, so at most 10). */
export const collectionQuerySchema = z.object({
  key: z.string().max(64, "That link's key is too long: copy the whole link again.").optional(),
  page: z.coerce
    .number({ error: "must be a page number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(MAX_COLLECTION_PAPERS / 50, `must be at most ${MAX_COLLECTION_PAPERS / 50}`)
    .default(1),
});
