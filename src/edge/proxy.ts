// The proxy's work (src/proxy.ts is Next.js's entry to it): a CSP nonce per page view, hostile
// paths, cross-site form posts and unreadable list filters turned away with a 400, full page
// loads of addresses that name nothing sent to the server-rendered 404 page (the route table says
// which routes name what and which are lists), and Markdown renditions (`<page>.md`) sent to
// their route.
import { NextResponse, type NextRequest } from "next/server";
import { badFilterPage } from "@/edge/bad-filter-page";
import { contentSecurityPolicy, nonceScriptSources } from "@/edge/content-security-policy";
import { isMissingPage } from "@/edge/missing-page";
import { isPrefetch, isRscRequest, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/edge/next-internals";
import { isPageCacheRender, PAGE_CACHE_RENDER_HEADER } from "@/edge/render-secret";
import { markdownRenditionPath, matchRoute } from "@/edge/routes";
import { siteUrl } from "@/env";
import { parseListFilter, type FilterError } from "@/lib/list-filter";
import { decodePathSegment, isUsablePath } from "@/lib/url-path";
import { isAdminSession } from "@/server/admin/access";
import { sessionTokenFromCookies } from "@/server/auth/session";

// A fresh nonce per page view: Next.js applies it to its own scripts when it finds it in the
// request's CSP header, and the theme script reads it from `x-nonce`.
function withContentSecurityPolicy(request: NextRequest, respond: (init: { request: { headers: Headers } }) => NextResponse): NextResponse {
  const requestHeaders = new Headers(request.headers);
  // Not-found pages get no route params; they read the path from here.
  requestHeaders.set("x-pathname", new URL(request.url).pathname);
  // Rendered once for many readers: no nonce (the page cache sends the scripts' hashes instead).
  if (isPageCacheRender(request.headers.get(PAGE_CACHE_RENDER_HEADER))) return respond({ request: { headers: requestHeaders } });
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonceScriptSources(nonce));
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = respond({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// The one page under /api/: the API reference, in the site's layout with its scripts.
const API_PAGES = new Set(["/api/docs"]);

// Prefetches (from next/link), feeds, calendars, the API and public/ files carry no HTML of their own.
function needsContentSecurityPolicy(request: NextRequest, pathname: string): boolean {
  if (isPrefetch((name) => request.headers.get(name))) return false;
  if (API_PAGES.has(pathname)) return true;
  return !pathname.startsWith("/api/") && !/\.(?:xml|json|ics|png|svg|txt|webmanifest)$/.test(pathname);
}

// Every POST outside /api/ is a server action: with JavaScript it names itself in a header, as a
// plain form post (no JavaScript) in the form's fields. Next.js refuses one from another origin, and
// a body over its size limit, with a 500; these answers say what is wrong.
function refusedServerAction(request: NextRequest, pathname: string): NextResponse | null {
  if (request.method !== "POST" || pathname.startsWith("/api/")) return null;
  if (isForeignOrigin(request)) {
    return new NextResponse("Bad request: forms on this site can only be sent from this site.", { status: 400 });
  }
  if (Number(request.headers.get("content-length") ?? 0) > SERVER_ACTION_BODY_LIMIT_BYTES) {
    const limit = `${SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB`;
    return new NextResponse(`Too large: a form sent to this site can hold ${limit} at most.`, { status: 413 });
  }
  return null;
}

function isForeignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    const { host: originHost } = new URL(origin);
    return originHost !== host && originHost !== new URL(siteUrl).host;
  } catch {
    return true;
  }
}

// A full page load, not a client-side navigation (which fetches the page's RSC payload and renders
// the page's own not-found answer in the browser).
function isDocumentRequest(request: NextRequest): boolean {
  return (request.method === "GET" || request.method === "HEAD") && !isRscRequest((name) => request.headers.get(name));
}

// No route matches this path, so the site's own 404 page answers, in its layout and theme.
function notFoundPage(request: NextRequest): NextResponse {
  return withContentSecurityPolicy(request, (init) => NextResponse.rewrite(new URL("/_not-found-page", request.url), init));
}

// A list page asked for with a filter it cannot read (the route table says which pages are lists).
function filterError(url: URL): FilterError | null {
  if (!matchRoute(url.pathname.split("/").filter(Boolean).map(decodePathSegment))?.route.filters) return null;
  const filter = parseListFilter(url.searchParams);
  return filter.ok ? null : filter.error;
}

// The operator console does not exist for anyone but an operator.
async function isConsoleHiddenFrom(request: NextRequest, pathname: string): Promise<boolean> {
  if (pathname !== "/admin" && !pathname.startsWith("/admin/")) return false;
  return !(await isAdminSession(sessionTokenFromCookies((name) => request.cookies.get(name)?.value)));
}

export async function proxy(request: NextRequest) {
  const { pathname } = new URL(request.url);
  if (!isUsablePath(pathname)) {
    if (pathname.startsWith("/api/") || /\.(?:xml|json)$/.test(pathname)) {
      const message = "The URL path is not valid: it holds a malformed %-escape or a character no id or name can contain.";
      return NextResponse.json({ error: { code: "BAD_REQUEST", message } }, { status: 400 });
    }
    return notFoundPage(request);
  }
  const rendition = markdownRenditionPath(pathname);
  if (rendition) return NextResponse.rewrite(new URL(rendition, request.url));
  const refused = refusedServerAction(request, pathname);
  if (refused) return refused;
  if (!needsContentSecurityPolicy(request, pathname)) return NextResponse.next();
  const sessionToken = sessionTokenFromCookies((name) => request.cookies.get(name)?.value);
  if (
    isDocumentRequest(request) &&
    ((await isMissingPage(pathname, { sessionToken, shareKey: request.nextUrl.searchParams.get("key") })) ||
      (await isConsoleHiddenFrom(request, pathname)))
  ) {
    return notFoundPage(request);
  }
  const badFilter = filterError(request.nextUrl);
  if (badFilter) return badFilterPage(request.nextUrl, badFilter);
  return withContentSecurityPolicy(request, (init) => NextResponse.next(init));
}
