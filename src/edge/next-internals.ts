// Request headers of Next.js's client router and server actions, which Next.js does not export.
// The proxy and the page cache both depend on them; if a Next.js upgrade renames one, this is the
// one place to change (tests/e2e/page-cache.spec.ts exercises client-side navigation through the cache).

/** Client-side navigations ask for the page's RSC payload; these headers pick which payload. */
export const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
] as const;

/** A server action's POST names the action in this header (a form posted without JavaScript does not). */
export const SERVER_ACTION_HEADER = "next-action";

/** Next.js's default `serverActions.bodySizeLimit` (next.config.ts does not change it). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

type HeaderReader = (name: string) => string | null | undefined;

/** A prefetch by next/link (or the browser's): it carries no HTML of its own. */
export function isPrefetch(header: HeaderReader): boolean {
  return Boolean(header("next-router-prefetch")) || header("purpose") === "prefetch";
}

/** A client-side navigation's request for the RSC payload, not a full page load. */
export function isRscRequest(header: HeaderReader): boolean {
  return header("rsc") !== null && header("rsc") !== undefined;
}
