import type { IncomingMessage, ServerResponse } from "node:http";
import type { CachedPage } from "@/edge/page-cache";

/** Sends a page from the cache: 304 when the reader has it, gzip when asked for and smaller. */
export function sendPage(request: IncomingMessage, response: ServerResponse, page: CachedPage, state: string): void {
  for (const [name, value] of page.headers) response.setHeader(name, value);
  response.setHeader("etag", page.etag);
  response.setHeader("last-modified", page.lastModified);
  response.setHeader("x-cache", state.toUpperCase());
  if (page.status === 200 && readerHasIt(request, page)) {
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

// RFC 9110 §13.2.2: If-None-Match decides when it is sent; If-Modified-Since only without it.
function readerHasIt(request: IncomingMessage, page: CachedPage): boolean {
  const known = request.headers["if-none-match"];
  if (known !== undefined) return known.split(",").some((tag) => tag.trim().replace(/^W\//, "") === page.etag);
  const since = Date.parse(request.headers["if-modified-since"] ?? "");
  return Date.parse(page.lastModified) <= since;
}
