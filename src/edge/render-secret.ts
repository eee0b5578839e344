import { randomBytes, timingSafeEqual } from "node:crypto";

// The page cache renders a public page once for many readers through this server's own HTTP
// handler; the proxy must then set no nonce (a nonce cannot be shared: the cache sends script
// hashes instead). A per-process secret in a header marks those renders so nobody else can ask for
// a nonce-less page. The proxy runs in this process but from its own bundle, so the secret lives on
// globalThis rather than in module state.

/** The header the page cache's own renders carry. */
export const PAGE_CACHE_RENDER_HEADER = "x-page-cache-render";

const SECRET = Symbol.for("daily-papers.page-cache-render-secret");
const store = globalThis as { [SECRET]?: string };

/** Called once by the production server when its page cache is on; returns the secret to send. */
export function createRenderSecret(): string {
  store[SECRET] ??= randomBytes(32).toString("base64url");
  return store[SECRET];
}

/** Whether a request's marker is this process's secret (never true without a page cache). */
export function isPageCacheRender(marker: string | null | undefined): boolean {
  const secret = store[SECRET];
  if (!secret || !marker) return false;
  const given = Buffer.from(marker);
  return given.length === secret.length && timingSafeEqual(given, Buffer.from(secret));
}
