import "server-only";
import { createHash } from "node:crypto";

// Shared caches and CDNs may keep a response a minute and serve it stale while refetching; the
// ETag lets clients revalidate for free.
const CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=300";

/** A cacheable response with an ETag; answers 304 when the client already has this body. */
export function cacheableResponse(request: Request, body: string, contentType: string, cacheControl = CACHE_CONTROL): Response {
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { "Content-Type": contentType, "Cache-Control": cacheControl, ETag: etag };
  const known = request.headers
    .get("if-none-match")
    ?.split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""));
  if (known?.includes(etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

export function cacheableJson(request: Request, data: unknown): Response {
  return cacheableResponse(request, JSON.stringify(data), "application/json; charset=utf-8");
}
