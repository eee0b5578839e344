// The one route table: every page and route handler under src/app, with what the edge must know
// about it. The proxy (which addresses do not exist), the page cache (which answers may be shared by
// every signed-out reader) and the 404 page (what the address was about) all read it, so a new route
// is one line here; tests/unit/routes.test.ts fails when a route under src/app is missing.
// Pure: loaded by the proxy bundle, by pages and by the production server outside Next.js.
import type { PeriodKind } from "@/lib/periods";

/** What a page shows that may not exist; the proxy checks it and answers a full page load with the 404 page. */
export type RouteSubject =
  "paper" | "organization" | "author" | "user" | "category" | "keyword" | "group" | "groupSession" | "collection" | PeriodKind;

export interface Route {
  /** The route as its folder under src/app spells it: `/papers/[...id]`. */
  pattern: string;
  /** Its GET answer is the same for every signed-out reader: the anonymous page cache may keep it. */
  cacheable: boolean;
  /**
   * The subject its dynamic segment names, checked before a full page load is rendered; a route
   * with two dynamic segments (`/papers/category/[cat]/date/[date]`) names one for each, in order.
   */
  exists?: RouteSubject | readonly [RouteSubject, RouteSubject];
  /**
   * The query parameters it reads (first value only). The page cache keys and renders a request
   * without the others, so `?junk=<n>` cannot make a render per request.
   */
  query?: readonly string[];
  /**
   * It lists papers and takes the list filters (src/lib/list-filter.ts: `cat`, `not`, `code`,
   * `min`): the page cache keys on them in one order, and a page load with a bad one is a 400.
   */
  filters?: true;
}

export const ROUTES: readonly Route[] = [
  { pattern: "/", cacheable: true, query: ["sort", "cursor"], filters: true },
  { pattern: "/about/ranking", cacheable: true },
  { pattern: "/admin", cacheable: false },
  { pattern: "/auth/confirm", cacheable: false },
  { pattern: "/auth/error", cacheable: false },
  { pattern: "/auth/signin", cacheable: false },
  { pattern: "/auth/verify-request", cacheable: false },
  { pattern: "/authors/[name]", cacheable: true, exists: "author", query: ["cursor"], filters: true },
  // Collections: private, unlisted (`?key=`) or public; the owner's tools and Follow differ per reader, so none is kept.
  { pattern: "/collections/[handle]/[slug]", cacheable: false, exists: ["user", "collection"], query: ["key", "page"] },
  { pattern: "/collections/[handle]/[slug]/export.bib", cacheable: false, query: ["key"] },
  { pattern: "/collections/[handle]/[slug]/export.ris", cacheable: false, query: ["key"] },
  { pattern: "/collections/[handle]/[slug]/feed.json", cacheable: false, query: ["key"] },
  { pattern: "/collections/[handle]/[slug]/feed.xml", cacheable: false, query: ["key"] },
  { pattern: "/dev/mailbox", cacheable: false },
  // Papers by their latest live comment (`before`: a position from the previous page), and the newest comments as feeds.
  { pattern: "/discussions", cacheable: true, query: ["before"] },
  { pattern: "/discussions/feed.json", cacheable: true },
  { pattern: "/discussions/feed.xml", cacheable: true },
  // Reading groups: Join, Leave and the organizer's tools differ per reader, so none is kept.
  { pattern: "/groups", cacheable: false, query: ["sort", "page"] },
  { pattern: "/groups/[slug]", cacheable: false, exists: "group" },
  { pattern: "/groups/[slug]/calendar.ics", cacheable: false },
  { pattern: "/groups/[slug]/past", cacheable: false, exists: "group", query: ["page"] },
  { pattern: "/groups/[slug]/sessions/[id]", cacheable: false, exists: ["group", "groupSession"] },
  { pattern: "/groups/join/[token]", cacheable: false },
  { pattern: "/groups/new", cacheable: false },
  { pattern: "/groups/reminders/unsubscribe/[token]", cacheable: false },
  // What agents read (https://llmstxt.org), and the Markdown renditions it points to: the proxy
  // answers `/papers/<id>.md` from `/md/papers/<id>` (markdownRenditionPath).
  { pattern: "/llms.txt", cacheable: true },
  { pattern: "/md/papers/[...id]", cacheable: true },
  { pattern: "/md/papers/date/[date]", cacheable: true },
  { pattern: "/me", cacheable: false },
  { pattern: "/me/collections", cacheable: false },
  { pattern: "/me/deleted", cacheable: false },
  { pattern: "/me/export", cacheable: false },
  { pattern: "/me/library", cacheable: false },
  { pattern: "/me/library/export.bib", cacheable: false },
  { pattern: "/me/library/export.ris", cacheable: false },
  { pattern: "/me/library/export.csv", cacheable: false },
  // The public moderation log: no address, and no reason a moderator marked private.
  { pattern: "/moderation", cacheable: true, query: ["before"] },
  { pattern: "/notifications/unsubscribe/[token]", cacheable: false },
  { pattern: "/orgs/[name]", cacheable: true, exists: "organization", query: ["cursor"], filters: true },
  { pattern: "/orgs/[name]/feed.json", cacheable: true, filters: true },
  { pattern: "/orgs/[name]/feed.xml", cacheable: true, filters: true },
  { pattern: "/papers", cacheable: true, query: ["q", "p", "sort", "from", "to"], filters: true },
  { pattern: "/papers/[...id]", cacheable: true, exists: "paper", query: ["comments", "cpage"] },
  // An arXiv category's or archive's papers, with the main feed's views.
  { pattern: "/papers/category/[cat]", cacheable: true, exists: "category", query: ["sort", "cursor"], filters: true },
  {
    pattern: "/papers/category/[cat]/date/[date]",
    cacheable: true,
    exists: ["category", "date"],
    query: ["sort", "cursor"],
    filters: true,
  },
  { pattern: "/papers/category/[cat]/feed.json", cacheable: true, filters: true },
  { pattern: "/papers/category/[cat]/feed.xml", cacheable: true, filters: true },
  {
    pattern: "/papers/category/[cat]/month/[month]",
    cacheable: true,
    exists: ["category", "month"],
    query: ["sort", "cursor", "day"],
    filters: true,
  },
  { pattern: "/papers/category/[cat]/trending", cacheable: true, exists: "category", query: ["cursor"], filters: true },
  {
    pattern: "/papers/category/[cat]/week/[week]",
    cacheable: true,
    exists: ["category", "week"],
    query: ["sort", "cursor", "day"],
    filters: true,
  },
  // The date picker's target without JavaScript; `category` or `keyword` keeps the reader there.
  { pattern: "/papers/date", cacheable: true, query: ["date", "category", "keyword"], filters: true },
  { pattern: "/papers/date/[date]", cacheable: true, exists: "date", query: ["sort", "cursor"], filters: true },
  { pattern: "/papers/feed.json", cacheable: true, filters: true },
  { pattern: "/papers/feed.xml", cacheable: true, filters: true },
  // A reader's own feed, and its secret-link feeds.
  { pattern: "/papers/for-you", cacheable: false, filters: true },
  { pattern: "/papers/for-you/[token]/feed.json", cacheable: false, filters: true },
  { pattern: "/papers/for-you/[token]/feed.xml", cacheable: false, filters: true },
  // A Hugging Face keyword's papers, with the main feed's views.
  { pattern: "/papers/keyword/[keyword]", cacheable: true, exists: "keyword", query: ["sort", "cursor"], filters: true },
  {
    pattern: "/papers/keyword/[keyword]/date/[date]",
    cacheable: true,
    exists: ["keyword", "date"],
    query: ["sort", "cursor"],
    filters: true,
  },
  { pattern: "/papers/keyword/[keyword]/feed.json", cacheable: true, filters: true },
  { pattern: "/papers/keyword/[keyword]/feed.xml", cacheable: true, filters: true },
  {
    pattern: "/papers/keyword/[keyword]/month/[month]",
    cacheable: true,
    exists: ["keyword", "month"],
    query: ["sort", "cursor", "day"],
    filters: true,
  },
  { pattern: "/papers/keyword/[keyword]/trending", cacheable: true, exists: "keyword", query: ["cursor"], filters: true },
  {
    pattern: "/papers/keyword/[keyword]/week/[week]",
    cacheable: true,
    exists: ["keyword", "week"],
    query: ["sort", "cursor", "day"],
    filters: true,
  },
  // A week's and a month's `day`: the day the reader came from, which its Daily link returns to.
  { pattern: "/papers/month/[month]", cacheable: true, exists: "month", query: ["sort", "cursor", "day"], filters: true },
  { pattern: "/papers/new", cacheable: false },
  { pattern: "/papers/search/feed.json", cacheable: true, query: ["q", "sort", "from", "to"], filters: true },
  { pattern: "/papers/search/feed.xml", cacheable: true, query: ["q", "sort", "from", "to"], filters: true },
  { pattern: "/papers/similar/[...id]", cacheable: true, exists: "paper" },
  { pattern: "/papers/trending", cacheable: true, query: ["cursor"], filters: true },
  { pattern: "/papers/trending/feed.json", cacheable: true, filters: true },
  { pattern: "/papers/trending/feed.xml", cacheable: true, filters: true },
  { pattern: "/papers/week/[week]", cacheable: true, exists: "week", query: ["sort", "cursor", "day"], filters: true },
  { pattern: "/preferences/[token]", cacheable: false },
  { pattern: "/robots.txt", cacheable: true },
  { pattern: "/sitemap.xml", cacheable: true },
  { pattern: "/sitemaps/pages.xml", cacheable: true },
  { pattern: "/sitemaps/papers/[range]", cacheable: true },
  { pattern: "/submit", cacheable: false },
  { pattern: "/subscribe", cacheable: false },
  { pattern: "/subscribe/confirm", cacheable: false },
  { pattern: "/unsubscribe/[token]", cacheable: false },
  { pattern: "/users/[handle]", cacheable: true, exists: "user" },
  { pattern: "/api/admin/moderation", cacheable: false },
  { pattern: "/api/admin/sync", cacheable: false },
  { pattern: "/api/auth/[...nextauth]", cacheable: false },
  { pattern: "/api/cron/channels", cacheable: false },
  { pattern: "/api/cron/group-reminders", cacheable: false },
  { pattern: "/api/cron/sync", cacheable: false },
  { pattern: "/api/cron/trending-digest", cacheable: false },
  { pattern: "/api/daily_papers", cacheable: true, query: ["date", "week", "month", "sort", "p", "limit"], filters: true },
  // The API reference: a page of the site (in its layout, under the CSP) rendered from /api/openapi.json's document.
  { pattern: "/api/docs", cacheable: true },
  { pattern: "/api/email/events", cacheable: false },
  { pattern: "/api/groups/reminders/unsubscribe/[token]", cacheable: false },
  { pattern: "/api/health", cacheable: false },
  { pattern: "/api/me/collections", cacheable: false },
  { pattern: "/api/me/collections/[id]", cacheable: false },
  { pattern: "/api/me/collections/[id]/papers/[paperId]", cacheable: false },
  { pattern: "/api/me/follows", cacheable: false },
  { pattern: "/api/me/follows/[kind]/[value]", cacheable: false },
  { pattern: "/api/me/for-you", cacheable: false },
  { pattern: "/api/me/library", cacheable: false },
  { pattern: "/api/me/library/[id]", cacheable: false },
  { pattern: "/api/me/upvotes", cacheable: false },
  { pattern: "/api/me/upvotes/[id]", cacheable: false },
  // The MCP server: POST only, answers per token.
  { pattern: "/api/mcp", cacheable: false },
  { pattern: "/api/notifications/unsubscribe/[token]", cacheable: false },
  // The same for every reader: built once per process from the operations' zod schemas.
  { pattern: "/api/openapi.json", cacheable: true },
  { pattern: "/api/papers/[id]", cacheable: true },
  { pattern: "/api/papers/[id]/comments", cacheable: true, query: ["p", "sort"] },
  { pattern: "/api/papers/[id]/upvote", cacheable: false },
  { pattern: "/api/papers/search", cacheable: true, query: ["q", "limit", "p", "sort", "from", "to"], filters: true },
  { pattern: "/api/preferences/[token]", cacheable: false },
  { pattern: "/api/subscriptions", cacheable: false },
  { pattern: "/api/subscriptions/confirm", cacheable: false },
  { pattern: "/api/unsubscribe/[token]", cacheable: false },
];

type Segment = { kind: "static"; text: string } | { kind: "dynamic" } | { kind: "catch-all" };

// Next.js prefers a static segment to a dynamic one, and a dynamic one to a catch-all.
const RANK = { static: 0, dynamic: 1, "catch-all": 2 } as const;

function parsePattern(pattern: string): Segment[] {
  return pattern
    .split("/")
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith("[...")) return { kind: "catch-all" };
      if (part.startsWith("[")) return { kind: "dynamic" };
      return { kind: "static", text: part };
    });
}

const COMPILED = ROUTES.map((route) => ({ route, segments: parsePattern(route.pattern) }));

export interface RouteMatch {
  route: Route;
  /** The text of each dynamic segment, in order (a catch-all's segments joined with `/`). */
  params: string[];
}

function matchSegments(pattern: Segment[], segments: readonly string[]): string[] | false {
  const params: string[] = [];
  for (const [index, part] of pattern.entries()) {
    if (part.kind === "catch-all") return segments.length > index ? [...params, segments.slice(index).join("/")] : false;
    const segment = segments[index];
    if (segment === undefined) return false;
    if (part.kind === "static" && part.text !== segment) return false;
    if (part.kind === "dynamic") params.push(segment);
  }
  return segments.length === pattern.length ? params : false;
}

function moreSpecific(a: Segment[], b: Segment[]): boolean {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const difference = RANK[a[index]!.kind] - RANK[b[index]!.kind];
    if (difference !== 0) return difference < 0;
  }
  return a.length > b.length;
}

/** The route that answers a path given as decoded segments, as Next.js would pick it; null when none does. */
export function matchRoute(segments: readonly (string | null)[]): RouteMatch | null {
  if (segments.some((segment) => segment === null)) return null;
  const texts = segments as readonly string[];
  let best: { match: RouteMatch; segments: Segment[] } | null = null;
  for (const compiled of COMPILED) {
    const params = matchSegments(compiled.segments, texts);
    if (params === false) continue;
    if (!best || moreSpecific(compiled.segments, best.segments))
      best = { match: { route: compiled.route, params }, segments: compiled.segments };
  }
  return best?.match ?? null;
}

/**
 * The route that answers a Markdown rendition: `/papers/2401.00001.md` is answered by
 * `/md/papers/2401.00001`, when a route under `/md/` takes that path (Next.js cannot put a
 * `<id>.md` route beside the page's catch-all). Null for any other path. Raw or decoded, the path
 * keeps its segments and so its route.
 */
export function markdownRenditionPath(pathname: string): string | null {
  if (!pathname.endsWith(".md")) return null;
  const target = `/md${pathname.slice(0, -".md".length)}`;
  return matchRoute(target.split("/").filter(Boolean))?.route.pattern.startsWith("/md/") ? target : null;
}

/** What a page address is about, for deciding that it does not exist and for saying so. */
export interface PageSubject {
  type: RouteSubject;
  /** The paper id, name, handle or period key, as the address spells it. */
  key: string;
}

/** The subjects of a page path given as decoded segments, one per dynamic segment (none for one that is not valid text, or about nothing). */
export function pageSubjects(segments: readonly (string | null)[]): PageSubject[] {
  const match = matchRoute(segments);
  if (!match?.route.exists) return [];
  const types: readonly RouteSubject[] = typeof match.route.exists === "string" ? [match.route.exists] : match.route.exists;
  return types.flatMap((type, index) => (match.params[index] === undefined ? [] : [{ type, key: match.params[index] }]));
}

/** The subject of a page path given as decoded segments: its first, when it names several. */
export function pageSubject(segments: readonly (string | null)[]): PageSubject | null {
  return pageSubjects(segments)[0] ?? null;
}
