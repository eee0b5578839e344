import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { isUsablePath } from "@/lib/url-path";
import { isAdminSession } from "@/server/admin/access";
import { sessionTokenFromCookies } from "@/server/auth/session";
import { contentSecurityPolicy, nonceScriptSources } from "@/server/http/content-security-policy";
import { isMissingPage } from "@/server/http/missing-page";
import { PAGE_CACHE_RENDER_HEADER } from "@/server/page-cache/cache-policy";

// A fresh nonce per page view: Next.js applies it to its own scripts when it finds it in the
// request's CSP header, and the theme script reads it from `x-nonce`.
function withContentSecurityPolicy(request: NextRequest, respond: (init: { request: { headers: Headers } }) => NextResponse): NextResponse {
  const requestHeaders = new Headers(request.headers);
  // Not-found pages get no route params; they read the path from here.
  requestHeaders.set("x-pathname", new URL(request.url).pathname);
  // Rendered once for many readers: no nonce (the page cache sends the scripts' hashes instead).
  if (isPageCacheRender(request)) return respond({ request: { headers: requestHeaders } });
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonceScriptSources(nonce));
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = respond({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// The production server's page cache renders public pages with a per-process secret (scripts/server.ts).
function isPageCacheRender(request: NextRequest): boolean {
  const secret = env.PAGE_CACHE_RENDER_SECRET;
  return secret !== undefined && request.headers.get(PAGE_CACHE_RENDER_HEADER) === secret;
}

// Prefetches (from next/link), feeds, the API and public/ files carry no HTML of their own.
function needsContentSecurityPolicy(request: NextRequest, pathname: string): boolean {
  if (request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch") return false;
  return !pathname.startsWith("/api/") && !/\.(?:xml|json|png|svg|txt|webmanifest)$/.test(pathname);
}

// Next.js refuses a server action whose Origin is not this host, but with a 500; this says 400.
function isCrossSiteServerAction(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (request.method !== "POST" || !request.headers.has("next-action") || !origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    const { host: originHost } = new URL(origin);
    return originHost !== host && originHost !== new URL(env.NEXTAUTH_URL).host;
  } catch {
    return true;
  }
}

// A full page load, not a client-side navigation (which fetches the page's RSC payload and renders
// the page's own not-found answer in the browser).
function isDocumentRequest(request: NextRequest): boolean {
  return (request.method === "GET" || request.method === "HEAD") && !request.headers.has("rsc");
}

// No route matches this path, so the site's own 404 page answers, in its layout and theme.
function notFoundPage(request: NextRequest): NextResponse {
  return withContentSecurityPolicy(request, (init) => NextResponse.rewrite(new URL("/_not-found-page", request.url), init));
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
  if (isCrossSiteServerAction(request)) {
    return new NextResponse("Bad request: forms on this site can only be sent from this site.", { status: 400 });
  }
  if (!needsContentSecurityPolicy(request, pathname)) return NextResponse.next();
  if (isDocumentRequest(request) && ((await isMissingPage(pathname)) || (await isConsoleHiddenFrom(request, pathname)))) {
    return notFoundPage(request);
  }
  return withContentSecurityPolicy(request, (init) => NextResponse.next(init));
}

export const config = {
  // Every request but Next.js's own build files: hostile paths are turned away wherever they point.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
