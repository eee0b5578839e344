import "server-only";
import { revalidateTag, updateTag } from "next/cache";

/** Cached feed queries are tagged "papers" (see src/server/queries); counts must show at once. */
export const PAPERS_CACHE_TAG = "papers";

/** From a server action: the acting user's next render reads the new data. */
export function refreshPapersFromAction(): void {
  updateTag(PAPERS_CACHE_TAG);
}

/** From a route handler (updateTag is only allowed in server actions). */
export function refreshPapersFromRoute(): void {
  revalidateTag(PAPERS_CACHE_TAG, { expire: 0 });
}
