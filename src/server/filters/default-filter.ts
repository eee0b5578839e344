import "server-only";
import { filterQueryEntries, isFiltered, parseListFilter, type FilterResult, type ListFilter, type QueryInput } from "@/lib/list-filter";
import type { Db } from "@/server/db";

// A signed-in reader's default filter: what the main feed (`/` and the whole feed's days, weeks
// and months) shows when its address names no filter. Stored on the user as the filter's canonical
// query string (`not=cs.CV&code=1`) and parsed again on every read, so a value that stopped being
// valid (a category gone from the taxonomy) is ignored rather than trusted. A signed-out reader has
// none: their filter lives in the address, so cached pages stay the same for everyone.

/** The filter as stored: its canonical query string, or null for no filter. */
export function storedFilter(filter: ListFilter): string | null {
  return isFiltered(filter) ? new URLSearchParams(filterQueryEntries(filter)).toString() : null;
}

/** A stored value read back: null when there is none, it filters nothing, or it no longer parses. */
export function parseStoredFilter(stored: string | null | undefined): ListFilter | null {
  if (!stored) return null;
  const parsed = parseListFilter(new URLSearchParams(stored));
  return parsed.ok && isFiltered(parsed.filter) ? parsed.filter : null;
}

/** The user's default filter for the main feed, or null. */
export async function getDefaultFilter(db: Db, userId: string): Promise<ListFilter | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { defaultFilter: true } });
  return parseStoredFilter(user?.defaultFilter);
}

/**
 * Saves the filter `query` asks for (`cat`, `not`, `code`, `min`, parsed as a list's address is) as
 * the user's default; an empty filter clears it. Refuses what a list would refuse, naming the parameter.
 */
export async function setDefaultFilter(db: Db, userId: string, query: QueryInput): Promise<FilterResult> {
  const parsed = parseListFilter(query);
  if (!parsed.ok) return parsed;
  await db.user.update({ where: { id: userId }, data: { defaultFilter: storedFilter(parsed.filter) } });
  return parsed;
}

export async function removeDefaultFilter(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { defaultFilter: null } });
}
