import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import { PAPERS_TAG } from "@/server/queries/cached";

/** From a server action: the acting user's next render reads the new data. */
export function refreshPapersFromAction(): void {
  updateTag(PAPERS_TAG);
}

/** From a route handler (updateTag is only allowed in server actions). */
export function refreshPapersFromRoute(): void {
  revalidateTag(PAPERS_TAG, { expire: 0 });
}
