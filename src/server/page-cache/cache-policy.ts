// Which requests the anonymous page cache may answer, and under which key. Pure: the production
// server (scripts/server.ts) and the tests use it.

/** Marks the server's own render of a page for the cache; the proxy then sets no nonce. */
export const PAGE_CACHE_RENDER_HEADER = "x-page-cache-render";

// Pages and read APIs that are the same for every signed-out reader. Never: accounts, sign-in,
// forms with per-visitor tokens, the operator console, a reader's own feed, or writes.
const CACHED_PATHS = /^\/(?:$|papers(?:\/|$|\?)|orgs\/|authors\/|users\/|about\/|api\/daily_papers(?:$|\?)|api\/papers\/)/;
const NEVER_CACHED_PATHS = /^\/papers\/for-you(?:\/|$|\?)/;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;
// Client-side navigations ask for the page's RSC payload; these headers pick which one.
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];
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

/** The cache key for a request a signed-out reader makes for a public page, else null. */
export function pageCacheKey(request: RequestLike): string | null {
  const method = request.method ?? "GET";
  const url = request.url ?? "/";
  if (method !== "GET" && method !== "HEAD") return null;
  if (!CACHED_PATHS.test(url) || NEVER_CACHED_PATHS.test(url)) return null;
  if (SESSION_COOKIE.test(header(request, "cookie")) || header(request, "authorization") || header(request, "next-action")) return null;
  const router = ROUTER_HEADERS.map((name) => header(request, name)).join("\u0000");
  return `${url}\u0000${router}\u0000${CRAWLER.test(header(request, "user-agent")) ? "crawler" : "browser"}`;
}
