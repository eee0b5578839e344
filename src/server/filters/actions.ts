"use server";

import "server-only";

import { FILTER_PARAMS, isFiltered, type ListFilter } from "@/lib/list-filter";
import { getCurrentUser } from "@/server/auth/current-user";
import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import { removeDefaultFilter, setDefaultFilter } from "@/server/filters/default-filter";

export type DefaultFilterState = { ok: true; saved: ListFilter | null } | { ok: false; message: string } | null;

// The pages a default changes: the main feed (its days, weeks and months render per reader once
// signed in, so the current page is rendered again with the action's answer) and /me.
const CHANGED_PAGES = ["/", "/me"];

/** The filter parameters a form posted, as a list's address would carry them; null when one is not text. */
function filterQuery(formData: FormData): URLSearchParams | null {
  const query = new URLSearchParams();
  for (const name of FILTER_PARAMS) {
    for (const value of formData.getAll(name)) {
      if (typeof value !== "string") return null;
      query.append(name, value);
    }
  }
  return query;
}

/**
 * "Save as my default" in the filter bar: the posted `cat`, `not`, `code` and `min` become the
 * signed-in reader's default filter for the main feed, parsed again here as a list's address is
 * (the form is never trusted). An empty filter clears the default.
 */
export async function saveDefaultFilter(_previous: DefaultFilterState, formData: FormData): Promise<DefaultFilterState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to save a default filter." };
  const query = filterQuery(formData);
  if (!query) return { ok: false, message: "That filter was not saved: filters are text, like cs.CL." };
  try {
    const result = await setDefaultFilter(db, user.id, query);
    if (!result.ok) return { ok: false, message: `That filter was not saved: ${result.error.message}` };
    await pagesChanged({ from: "action", readerPages: CHANGED_PAGES });
    return { ok: true, saved: isFiltered(result.filter) ? result.filter : null };
  } catch (error) {
    console.error(error);
    return { ok: false, message: "Your default was not saved: something went wrong on our side. Please try again." };
  }
}

/** "Clear default" in the filter bar and on /me: the main feed shows every paper again. */
export async function clearDefaultFilter(_previous: DefaultFilterState, _formData?: FormData): Promise<DefaultFilterState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to change your default filter." };
  try {
    await removeDefaultFilter(db, user.id);
    await pagesChanged({ from: "action", readerPages: CHANGED_PAGES });
    return { ok: true, saved: null };
  } catch (error) {
    console.error(error);
    return { ok: false, message: "Your default was not cleared: something went wrong on our side. Please try again." };
  }
}
