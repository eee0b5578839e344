import "server-only";
import { bibtexEntry } from "@/lib/bibtex";
import { collectionAddressSchema, collectionQuerySchema } from "@/lib/collections/collection-address";
import { collectionPath, MAX_COLLECTION_PAPERS } from "@/lib/collections/collection-form";
import { AppError } from "@/lib/errors";
import { risEntry } from "@/lib/ris";
import { userFromRequest } from "@/server/auth/session";
import { listCollectionPapers, visibleCollection } from "@/server/collections/collections";
import type { Db } from "@/server/db";
import { feedResponse } from "@/server/feeds/respond";
import { decodeSegment, handleErrors, parseOrThrow } from "@/server/http/errors";

/** Items in a collection's feeds: the newest added. */
const FEED_SIZE = 50;

const FILES = {
  bibtex: { type: "application/x-bibtex", extension: "bib" },
  ris: { type: "application/x-research-info-systems", extension: "ris" },
} as const;

export type CollectionDownload = keyof typeof FILES | "rss" | "json";

type Context = { params: Promise<{ handle: string; slug: string }> };

/**
 * GET /collections/<handle>/<slug>/export.bib|export.ris|feed.xml|feed.json: a collection as a
 * reference-manager file or a feed, for whoever may see it (an unlisted one with its `?key=`, so
 * feed readers, which cannot sign in, can follow it too). Only a public collection's answer may be
 * kept by shared caches.
 */
export function createCollectionDownloadHandler(db: Db, format: CollectionDownload) {
  return handleErrors<Context>(async (request, { params }) => {
    const raw = await params;
    const address = parseOrThrow(collectionAddressSchema, {
      handle: decodeSegment(raw.handle, "handle"),
      slug: decodeSegment(raw.slug, "slug"),
    });
    const { key } = parseOrThrow(collectionQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    const viewer = await userFromRequest(db, request);
    const collection = await visibleCollection(db, { ...address, key }, viewer?.id ?? null);
    if (!collection) throw new AppError("NOT_FOUND", "There is no collection here, or it is not shared with you: check the link.");
    const { entries } = await listCollectionPapers(db, collection.id, {
      limit: format === "rss" || format === "json" ? FEED_SIZE : MAX_COLLECTION_PAPERS,
    });
    const privacy = collection.visibility === "PUBLIC" && !collection.hidden ? null : "private, no-store";
    if (format === "rss" || format === "json") {
      const spec = {
        title: `${collection.name} · a collection by ${collection.handle}`,
        description: collection.description ?? `Papers ${collection.handle} collected`,
        pagePath: collectionPath(collection),
      };
      const response = feedResponse(
        request,
        format,
        spec,
        entries.map((entry) => ({ ...entry.paper, addedAt: entry.addedAt })),
      );
      if (privacy) response.headers.set("Cache-Control", privacy);
      return response;
    }
    const body =
      format === "bibtex"
        ? entries.map(({ paper }) => bibtexEntry(paper)).join("\n")
        : entries.map(({ paper, note }) => risEntry({ ...paper, note })).join("\r\n");
    return new Response(body, {
      headers: {
        "Content-Type": `${FILES[format].type}; charset=utf-8`,
        "Content-Disposition": `attachment; filename="${collection.slug}.${FILES[format].extension}"`,
        "Cache-Control": privacy ?? "public, max-age=60",
      },
    });
  });
}
