import "server-only";
import { cache } from "react";
import { isArxivId } from "@/lib/arxiv-id";
import { decodePathSegment } from "@/lib/url-path";
import { getCachedPaperWithSimilar } from "@/server/papers/cache";

// Once per request: a page and its generateMetadata both ask, and the data cache does not merge
// two concurrent misses. Keyed by id (a string), since each of them gets its own params object.
const paperWithSimilar = cache((id: string, similar: number) => getCachedPaperWithSimilar(id, similar));

/**
 * The paper a route's id segments name, with up to `similar` of its closest papers, or null; old-style
 * ids contain a slash (hep-th/9901001), so they arrive as segments.
 */
export async function paperFromPath(params: Promise<{ id: string[] }>, similar: number) {
  const segments = (await params).id.map(decodePathSegment);
  const id = segments.every((segment) => segment !== null) ? segments.join("/") : "";
  return isArxivId(id) ? paperWithSimilar(id, similar) : null;
}
