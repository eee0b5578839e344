import { createHash } from "node:crypto";
import { Agent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import { gzipSync } from "node:zlib";
import { contentSecurityPolicy } from "@/edge/content-security-policy";
import { inlineScriptHashes } from "@/edge/inline-scripts";
import { ROUTER_HEADERS } from "@/edge/next-internals";
import type { RenderedPage } from "@/edge/page-cache";
import { PAGE_CACHE_RENDER_HEADER } from "@/edge/render-secret";

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

export interface RenderTarget {
  /** Where this server renders pages for the cache (its own loopback listener). */
  origin: string;
  /** The per-process secret that marks the render (render-secret.ts). */
  secret: string;
}

/**
 * Renders `url` (the canonical URL of the request's cache entry) through this server's own
 * handler, once, as a signed-out reader would get it: a 200 without cookies is kept for everyone;
 * any other answer (a 404, a redirect) is sent to this reader only, never rendered twice.
 */
export async function renderForCache(request: IncomingMessage, url: string, target: RenderTarget): Promise<RenderedPage> {
  const lastModified = new Date().toUTCString();
  const headers: OutgoingHttpHeaders = { [PAGE_CACHE_RENDER_HEADER]: target.secret, "accept-encoding": "identity" };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  const { rendered, body } = await loopbackGet(new URL(url, target.origin), headers);
  const keep = rendered.status === 200 && !rendered.headers.has("set-cookie") && body.length <= MAX_CACHED_BODY;

  const kept: [string, string][] = [...rendered.headers]
    .filter(([name]) => !DROPPED_RESPONSE_HEADERS.has(name))
    // A redirect must not name the loopback address the page was rendered on.
    .map(([name, value]) => [
      name,
      name === "location" && value.startsWith(target.origin) ? value.slice(target.origin.length) || "/" : value,
    ]);
  const ownPolicy = rendered.headers.get("cache-control");
  kept.push([
    "cache-control",
    keep ? (ownPolicy?.includes("public") ? ownPolicy : PAGE_CACHE_CONTROL) : (ownPolicy ?? "private, no-cache"),
  ]);
  // Signed-in readers get other bytes at the same address: shared caches must tell them apart.
  kept.push(["vary", [rendered.headers.get("vary"), "Cookie", "Accept-Encoding"].filter(Boolean).join(", ")]);
  if (rendered.headers.get("content-type")?.startsWith("text/html")) {
    kept.push(["content-security-policy", contentSecurityPolicy(inlineScriptHashes(body.toString("utf8")).join(" "))]);
  }
  const page = {
    status: rendered.status,
    headers: kept,
    body,
    // Compressed once, for every reader of a kept page; a page sent once goes as it is.
    gzip: keep ? gzipSync(body) : body,
    etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
    lastModified,
  };
  return { page, keep };
}

// Kept-alive connections to this process's own render listener: a render costs no TCP handshake,
// and node:http is lighter per request than fetch.
const loopback = new Agent({ keepAlive: true, maxSockets: 64 });

function loopbackGet(url: URL, headers: OutgoingHttpHeaders): Promise<{ rendered: { status: number; headers: Headers }; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { agent: loopback, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const each of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, each);
        }
        resolve({ rendered: { status: response.statusCode ?? 502, headers: responseHeaders }, body: Buffer.concat(chunks) });
      });
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}
