import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { matchRoute } from "@/edge/routes";
import { decodePathSegment } from "@/lib/url-path";
import { getCurrentUser } from "@/server/auth/current-user";
import { db as sharedDb, type Db } from "@/server/db";
import { getReadState, getVisit, recordVisit, type Visit } from "@/server/triage/read-state";

// The viewer's read state beside the cached, shared list data: the list queries are keyed by their
// arguments and shared with signed-out readers, so the reader's seen and hidden papers are applied
// when a page of cards is rendered (src/components/paper-list.tsx), per request.

/** Views of the main feed: each one is a feed view for "since your last visit" (recordVisit). */
const FEED_VIEWS = new Set([
  "/",
  "/papers/date/[date]",
  "/papers/week/[week]",
  "/papers/month/[month]",
  "/papers/new",
  "/papers/category/[cat]",
  "/papers/category/[cat]/date/[date]",
  "/papers/category/[cat]/week/[week]",
  "/papers/category/[cat]/month/[month]",
  "/papers/keyword/[keyword]",
  "/papers/keyword/[keyword]/date/[date]",
  "/papers/keyword/[keyword]/week/[week]",
  "/papers/keyword/[keyword]/month/[month]",
]);

/** The day and week lists, which mark where the papers new since the reader's last visit start. */
const NEW_SINCE_MARKER_VIEWS = new Set([
  "/",
  "/papers/date/[date]",
  "/papers/week/[week]",
  "/papers/category/[cat]",
  "/papers/category/[cat]/date/[date]",
  "/papers/category/[cat]/week/[week]",
  "/papers/keyword/[keyword]",
  "/papers/keyword/[keyword]/date/[date]",
  "/papers/keyword/[keyword]/week/[week]",
]);

export type ListView = "feed-with-marker" | "feed" | "other";

/** What kind of list a page path is (the proxy passes the path; a render without it is "other"). */
export function listViewOf(pathname: string | null): ListView {
  if (pathname === null) return "other";
  const pattern = matchRoute(pathname.split("/").filter(Boolean).map(decodePathSegment))?.route.pattern;
  if (!pattern) return "other";
  if (NEW_SINCE_MARKER_VIEWS.has(pattern)) return "feed-with-marker";
  return FEED_VIEWS.has(pattern) ? "feed" : "other";
}

const currentListView = cache(async (): Promise<ListView> => listViewOf((await headers()).get("x-pathname")));

/**
 * The signed-in viewer's visit, once per request: on a view of the main feed (and /papers/new) it
 * records the view (recordVisit); elsewhere it only reads the row. Null when signed out.
 */
export const getViewerVisit = cache(async (): Promise<Visit | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  const view = await currentListView();
  return view === "other" ? getVisit(sharedDb, user.id) : recordVisit(sharedDb, user.id, new Date());
});

export interface ListReadState {
  seen: Set<string>;
  hidden: Set<string>;
  /** Leave seen papers out of the list (the account's "Hide read"). */
  hideRead: boolean;
  /** The reader's previous visit, when this list marks what is new since then. */
  newSince: Date | null;
  /** The papers of this page added (imported) after `newSince`. */
  newIds: Set<string>;
}

/**
 * A reader's state for a page of cards: seen and hidden papers (one round trip), their visit and,
 * when `marker` is set, which papers were added after the previous visit (a primary-key lookup per
 * card), all at once. The visit is passed in, as it is shared by the whole request.
 */
export async function listReadState(
  db: Db,
  userId: string,
  paperIds: readonly string[],
  visit: Promise<Visit | null> | Visit | null,
  { marker = false }: { marker?: boolean } = {},
): Promise<ListReadState> {
  const [state, shown, added] = await Promise.all([
    getReadState(db, userId, paperIds),
    visit,
    marker && paperIds.length > 0
      ? db.paper.findMany({ where: { id: { in: [...paperIds] } }, select: { id: true, createdAt: true } })
      : Promise.resolve([]),
  ]);
  const newSince = marker ? (shown?.previousVisitAt ?? null) : null;
  return {
    ...state,
    hideRead: shown?.hideRead ?? false,
    newSince,
    newIds: new Set(newSince ? added.filter((paper) => paper.createdAt > newSince).map((paper) => paper.id) : []),
  };
}

export interface ViewerReadState extends ListReadState {
  signedIn: boolean;
  /** Signed in and not suspended: may mark, hide and switch "Hide read". */
  mayTriage: boolean;
}

const SIGNED_OUT: ViewerReadState = {
  signedIn: false,
  mayTriage: false,
  seen: new Set(),
  hidden: new Set(),
  hideRead: false,
  newSince: null,
  newIds: new Set(),
};

/** The viewer's read state for these papers (nothing when signed out): per request, beside the cached cards. */
export async function getViewerReadState(paperIds: readonly string[]): Promise<ViewerReadState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const view = await currentListView();
  const state = await listReadState(sharedDb, user.id, paperIds, getViewerVisit(), { marker: view === "feed-with-marker" });
  return { ...state, signedIn: true, mayTriage: !user.banned };
}

export interface TriagedList<T> {
  /** The papers to show, each with its position in the list as given (for the list's numbering). */
  shown: { paper: T; index: number }[];
  /** How many the reader hid (left out). */
  hiddenCount: number;
  /** How many were left out as read ("Hide read"). */
  readHiddenCount: number;
  /** The first shown paper added since the previous visit, where the marker goes; null for none. */
  firstNewId: string | null;
  /** Shown papers added since the previous visit. */
  newCount: number;
}

/** A page of papers as this reader sees it: hidden ones out, read ones too when "Hide read" is on. */
export function triageList<T>(papers: readonly T[], idOf: (paper: T) => string, state: ListReadState): TriagedList<T> {
  let hiddenCount = 0;
  let readHiddenCount = 0;
  const shown: { paper: T; index: number }[] = [];
  papers.forEach((paper, index) => {
    const id = idOf(paper);
    if (state.hidden.has(id)) hiddenCount += 1;
    else if (state.hideRead && state.seen.has(id)) readHiddenCount += 1;
    else shown.push({ paper, index });
  });
  const fresh = shown.filter(({ paper }) => state.newIds.has(idOf(paper)));
  return { shown, hiddenCount, readHiddenCount, firstNewId: fresh[0] ? idOf(fresh[0].paper) : null, newCount: fresh.length };
}
