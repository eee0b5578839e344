import "server-only";
import { isArxivId } from "@/lib/arxiv-id";
import { decodePathSegment } from "@/lib/url-path";
import { getCachedPaper } from "@/server/papers/cache";

/** The paper a route's id segments name; old-style ids contain a slash (hep-th/9901001), so they arrive as segments. */
export async function paperFromPath(params: Promise<{ id: string[] }>) {
  const segments = (await params).id.map(decodePathSegment);
  const id = segments.every((segment) => segment !== null) ? segments.join("/") : "";
  return isArxivId(id) ? getCachedPaper(id) : null;
}
