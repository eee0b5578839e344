import "server-only";
import { hasFilterParams, listFilterOf, type FilterError, type ListFilter, type QueryInput } from "@/lib/list-filter";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getDefaultFilter } from "@/server/filters/default-filter";

export interface PageFilter {
  /** What the list shows. */
  filter: ListFilter;
  /** The address's filter could not be read (the list is unfiltered). */
  error: FilterError | null;
  signedIn: boolean;
  /** On the main feed, the signed-in reader's saved default (null: none); undefined elsewhere. */
  defaultFilter?: ListFilter | null;
}

/**
 * The filter a list page shows: the one its address names; on the main feed, when the address names
 * none, the signed-in reader's saved default. Signed-out pages depend on the address alone, so the
 * page cache can share them.
 */
export async function pageFilter(query: QueryInput, { mainFeed = false }: { mainFeed?: boolean } = {}): Promise<PageFilter> {
  const viewer = await getCurrentUser();
  const asked = listFilterOf(query);
  if (!mainFeed || !viewer) return { ...asked, signedIn: viewer !== null };
  const defaultFilter = await getDefaultFilter(db, viewer.id);
  const filter = defaultFilter && !hasFilterParams(query) ? defaultFilter : asked.filter;
  return { filter, error: asked.error, signedIn: true, defaultFilter };
}
