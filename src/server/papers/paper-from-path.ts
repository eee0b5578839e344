import "server-only";
import { cache } from "react";
import { isArxivId } from "@/lib/arxiv-id";
import { decodePathSegment } from "@/lib/url-path";
import { getCachedPaperWithSimilar } from "@/server/papers/cache";
import type { RankMissing, SimilarView } from "@/server/papers/similar";

// Once per request: a page and its generateMetadata both ask, and the data cache does not merge
// two concurrent misses. Keyed by id (a string), since each of them gets its own params object.
const paperWithSimilar = cache((id: string, limit: number, rankMissing: RankMissing) => getCachedPaperWithSimilar(id, limit, rankMissing));

/**
 * The paper a route's id segments name, with its closest papers as `view` says, or null; old-style
 * ids contain a slash (hep-th/9901001), so they arrive as segments.
 */
export async function paperFromPath(params: Promise<{ id: string[] }>, view: SimilarView) {
  const segments = (await params).id.map(decodePathSegment);
  const id = segments.every((segment) => segment !== null) ? segments.join("/") : "";
  return isArxivId(id) ? paperWithSimilar(id, view.limit, view.rankMissing) : null;
}
