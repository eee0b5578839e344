// Which requests the anonymous page cache may answer, and under which key. Pure: the production
// server and the tests use it; which routes may be shared at all is the route table's `cacheable`.
import { ROUTER_HEADERS, SERVER_ACTION_HEADER } from "@/edge/next-internals";
import { markdownRenditionPath, matchRoute } from "@/edge/routes";
import { filterQueryEntries, parseListFilter } from "@/lib/list-filter";
import { SESSION_COOKIE_NAMES } from "@/lib/session-cookies";
import { decodePathSegment } from "@/lib/url-path";

// Next.js renders metadata in <head> for crawlers and streams it for browsers: two variants.
const CRAWLER = /bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|whatsapp|telegram|discord|slack/i;

export interface RequestLike {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

const header = (request: RequestLike, name: string): string => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
};

function hasSessionCookie(cookieHeader: string): boolean {
  return cookieHeader.split(";").some((pair) => {
    const equals = pair.indexOf("=");
    const name = equals === -1 ? "" : pair.slice(0, equals).trim();
    return SESSION_COOKIE_NAMES.some((sessionName) => sessionName === name);
  });
}

// Next.js's client router adds this to RSC requests as a cache-buster derived from its headers.
const ROUTER_QUERY = "_rsc";

/**
 * The URL the cache keeps a page under: the path and the query parameters its route reads, in the
 * table's order, then its list filter in one order (`cat=a&cat=b` and `cat=b&cat=a` share a page).
 * A bad filter is not cached: its request goes on to the 400 that names the parameter.
 */
function canonicalUrl(url: string): string | null {
  // An origin-form request target; anything else (`//host/x`, `http://…`) is left to Next.js.
  if (!url.startsWith("/") || url.startsWith("//")) return null;
  const { pathname, searchParams } = new URL(url, "http://localhost");
  // A Markdown rendition is its own route's answer (no query), not the page's it renders.
  const routePath = markdownRenditionPath(pathname) ?? pathname;
  const match = matchRoute(routePath.split("/").filter(Boolean).map(decodePathSegment));
  if (!match?.route.cacheable) return null;
  const kept = new URLSearchParams();
  for (const name of [...(match.route.query ?? []), ROUTER_QUERY]) {
    const value = searchParams.get(name);
    if (value !== null) kept.set(name, value);
  }
  if (match.route.filters) {
    const filter = parseListFilter(searchParams);
    if (!filter.ok) return null;
    for (const [name, value] of filterQueryEntries(filter.filter)) kept.append(name, value);
  }
  const query = kept.toString();
  return query ? `${pathname}?${query}` : pathname;
}

export interface PageCacheEntry {
  key: string;
  /** What the cache renders for this key: the request's URL without the parameters its page ignores. */
  url: string;
}

/** Where the cache keeps the answer to a request a signed-out reader makes for a public page, else null. */
export function pageCacheEntry(request: RequestLike): PageCacheEntry | null {
  const method = request.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") return null;
  if (hasSessionCookie(header(request, "cookie")) || header(request, "authorization") || header(request, SERVER_ACTION_HEADER)) return null;
  const url = canonicalUrl(request.url ?? "/");
  if (url === null) return null;
  const router = ROUTER_HEADERS.map((name) => header(request, name)).join("\u0000");
  return { key: `${url}\u0000${router}\u0000${CRAWLER.test(header(request, "user-agent")) ? "crawler" : "browser"}`, url };
}
