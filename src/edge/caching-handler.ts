import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { pageCacheKey } from "@/edge/cache-key";
import { contentSecurityPolicy } from "@/edge/content-security-policy";
import { inlineScriptHashes } from "@/edge/inline-scripts";
import { ROUTER_HEADERS } from "@/edge/next-internals";
import type { CachedPage, PageCache } from "@/edge/page-cache";
import { createRenderSecret, isPageCacheRender, PAGE_CACHE_RENDER_HEADER } from "@/edge/render-secret";

/**
 * What a CDN or caching proxy in front may do with a page served from this cache: keep it 10
 * seconds and serve it up to a minute stale while refetching. Route handlers that set a public
 * policy of their own (feeds, the API) keep theirs.
 */
export const PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=60";

// The parts of a reader's request a page may depend on; everything else (cookies above all) is left out.
const FORWARDED_REQUEST_HEADERS = ["accept", "accept-language", "user-agent", ...ROUTER_HEADERS];
// Not stored: hop-by-hop and length headers, and those this cache writes itself.
const DROPPED_RESPONSE_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "etag",
  "cache-control",
  "content-security-policy",
  "vary",
]);
const MAX_CACHED_BODY = 2 * 1024 * 1024;

export interface CachingHandlerOptions {
  cache: PageCache;
  /** Where this server itself listens, for rendering pages for the cache. */
  renderOrigin: string;
  /** Next.js's request handler. */
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}

/**
 * The production server's request handler: public pages for signed-out readers come from the page
 * cache with a hash-based CSP; everything else (signed-in readers, writes, private pages) goes to
 * Next.js, rendered per request with a nonce.
 */
export function createCachingHandler({ cache, renderOrigin, handle }: CachingHandlerOptions) {
  const secret = createRenderSecret();
  const render = (request: IncomingMessage) => renderForCache(request, renderOrigin, secret);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.headers[PAGE_CACHE_RENDER_HEADER] !== undefined) {
      // Only this server's own renders may carry the marker; the proxy checks the secret again.
      if (!isPageCacheRender(String(request.headers[PAGE_CACHE_RENDER_HEADER]))) delete request.headers[PAGE_CACHE_RENDER_HEADER];
      return handle(request, response);
    }
    const key = pageCacheKey(request);
    if (!key) return handle(request, response);
    const served = await cache
      .serve(key, () => render(request))
      .catch((error: unknown) => {
        console.error("Rendering a page for the page cache failed; answering without the cache.", error);
        return null;
      });
    // Not cacheable (a 404, a redirect) or not rendered: Next.js answers as it would without the cache.
    if (!served?.page) return handle(request, response);
    send(request, response, served.page, served.state);
  };
}

async function renderForCache(request: IncomingMessage, origin: string, secret: string): Promise<CachedPage | null> {
  const headers = new Headers({ [PAGE_CACHE_RENDER_HEADER]: secret, "accept-encoding": "identity" });
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const rendered = await fetch(new URL(request.url ?? "/", origin), { headers, redirect: "manual" });
  const body = Buffer.from(await rendered.arrayBuffer());
  if (rendered.status !== 200 || rendered.headers.has("set-cookie") || body.length > MAX_CACHED_BODY) return null;

  const kept: [string, string][] = [...rendered.headers].filter(([name]) => !DROPPED_RESPONSE_HEADERS.has(name));
  const ownPolicy = rendered.headers.get("cache-control");
  kept.push(["cache-control", ownPolicy?.includes("public") ? ownPolicy : PAGE_CACHE_CONTROL]);
  // Signed-in readers get other bytes at the same address: shared caches must tell them apart.
  kept.push(["vary", [rendered.headers.get("vary"), "Cookie", "Accept-Encoding"].filter(Boolean).join(", ")]);
  if (rendered.headers.get("content-type")?.startsWith("text/html")) {
    kept.push(["content-security-policy", contentSecurityPolicy(inlineScriptHashes(body.toString("utf8")).join(" "))]);
  }
  return {
    status: 200,
    headers: kept,
    body,
    gzip: gzipSync(body),
    etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
  };
}

function send(request: IncomingMessage, response: ServerResponse, page: CachedPage, state: string): void {
  for (const [name, value] of page.headers) response.setHeader(name, value);
  response.setHeader("etag", page.etag);
  response.setHeader("x-cache", state.toUpperCase());
  const known = request.headers["if-none-match"]?.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (known?.includes(page.etag)) {
    response.statusCode = 304;
    response.end();
    return;
  }
  const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "") && page.gzip.length < page.body.length;
  const body = gzip ? page.gzip : page.body;
  if (gzip) response.setHeader("content-encoding", "gzip");
  response.setHeader("content-length", body.length);
  response.statusCode = page.status;
  response.end(request.method === "HEAD" ? undefined : body);
}
