// Which requests the anonymous page cache may answer, and under which key. Pure: the production
// server and the tests use it; which routes may be shared at all is the route table's `cacheable`.
import { ROUTER_HEADERS, SERVER_ACTION_HEADER } from "@/edge/next-internals";
import { matchRoute } from "@/edge/routes";
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

function isCacheablePath(url: string): boolean {
  const pathname = url.split("?", 1)[0]!;
  return matchRoute(pathname.split("/").filter(Boolean).map(decodePathSegment))?.route.cacheable === true;
}

/** The cache key for a request a signed-out reader makes for a public page, else null. */
export function pageCacheKey(request: RequestLike): string | null {
  const method = request.method ?? "GET";
  const url = request.url ?? "/";
  if (method !== "GET" && method !== "HEAD") return null;
  if (!isCacheablePath(url)) return null;
  if (hasSessionCookie(header(request, "cookie")) || header(request, "authorization") || header(request, SERVER_ACTION_HEADER)) return null;
  const router = ROUTER_HEADERS.map((name) => header(request, name)).join("\u0000");
  return `${url}\u0000${router}\u0000${CRAWLER.test(header(request, "user-agent")) ? "crawler" : "browser"}`;
}
