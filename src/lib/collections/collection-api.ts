// The collections part of the API (src/server/collections/collection-api-handlers.ts): its
// parameters and answers as zod schemas, which the handlers parse with and type their answers by,
// and from which /api/openapi.json describes them.
import { z } from "zod";
import { hfPaperSchema } from "@/lib/api-responses";
import { arxivIdSchema } from "@/lib/arxiv-id";
import { COLLECTION_VISIBILITIES, MAX_COLLECTION_PAPERS } from "@/lib/collections/collection-form";

const collectionId = z
  .string()
  .regex(/^[a-z0-9]{20,40}$/, "is not a collection id")
  .meta({ description: "The collection's id, as `GET /api/me/collections` lists it." });

export const collectionIdParamsSchema = z.object({ id: collectionId });

export const collectionPaperParamsSchema = z.object({
  id: collectionId,
  paperId: arxivIdSchema.meta({ description: "The paper's arXiv id without version.", examples: ["2606.11176"] }),
});

export const collectionPageParamsSchema = z.object({
  p: z.coerce
    .number({ error: "must be a page number" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(MAX_COLLECTION_PAPERS / 50 - 1, `must be at most ${MAX_COLLECTION_PAPERS / 50 - 1}`)
    .default(0)
    .meta({ description: "The page of papers, from 0; 50 a page, newest added first." }),
});

export const collectionSchema = z
  .object({
    id: collectionId,
    name: z.string(),
    description: z.string().nullable(),
    visibility: z.enum(COLLECTION_VISIBILITIES).meta({ description: "PRIVATE (only you), UNLISTED (whoever has `url`) or PUBLIC." }),
    url: z.string().meta({ description: "Its page; for an unlisted collection this carries the secret `key`." }),
    papers: z.number().int().min(0).meta({ description: "Papers in it." }),
    followers: z.number().int().min(0).meta({ description: "Readers following it (public ones only)." }),
    hidden: z.boolean().meta({ description: "A moderator hid it: only you see it." }),
    updatedAt: z.iso.datetime(),
  })
  .meta({ description: "One of the reader's collections." });
export type CollectionBody = z.output<typeof collectionSchema>;

export const collectionPageSchema = z
  .object({
    collection: collectionSchema,
    papers: z.array(
      z.object({
        paper: hfPaperSchema,
        note: z.string().nullable().meta({ description: "The owner's note on it." }),
        addedAt: z.iso.datetime(),
      }),
    ),
    nextPage: z.number().int().nullable().meta({ description: "The next page's `p`, or null on the last." }),
  })
  .meta({ description: "A collection and a page of its papers." });
export type CollectionPageBody = z.output<typeof collectionPageSchema>;

export const collectionDeletedSchema = z
  .object({ id: collectionId, deleted: z.literal(true) })
  .meta({ description: "The collection is deleted." });
export type CollectionDeleted = z.output<typeof collectionDeletedSchema>;

export const collectionPaperStateSchema = z
  .object({ collectionId, id: z.string(), inCollection: z.boolean() })
  .meta({ description: "Whether the paper is in the collection after the change." });
export type CollectionPaperState = z.output<typeof collectionPaperStateSchema>;
