import "server-only";
import { env } from "@/env";
import { clientFromForwardedFor } from "@/lib/client-address";

/**
 * Route handlers get no CSRF protection from Next.js, so state-changing requests must carry an
 * Origin naming this site: the configured public URL, or the host the request was addressed to
 * (which a browser cannot forge), e.g. 127.0.0.1 while NEXTAUTH_URL says localhost.
 */
export function hasSameOrigin(request: Request, siteUrl: string, trustedProxies: number = env.TRUST_PROXY): boolean {
  const origin = request.headers.get("origin");
  // Browsers send `Origin: null` under strict referrer policies or privacy settings; they also
  // send Sec-Fetch-Site, which pages cannot set, so it vouches for a same-origin request then.
  if (!origin || origin === "null") return request.headers.get("sec-fetch-site") === "same-origin";
  const allowed = new Set([new URL(siteUrl).origin, new URL(request.url).origin]);
  // Forwarded host and scheme are facts only when a trusted proxy set them.
  const forwarded = (name: string) => (trustedProxies > 0 ? request.headers.get(name) : null);
  const host = forwarded("x-forwarded-host") ?? request.headers.get("host");
  if (host) allowed.add(`${forwarded("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "")}://${host}`);
  return allowed.has(origin);
}

/**
 * The client address for per-IP limits. Behind `trustedProxies` proxies that each append the
 * address they saw, the client is that many entries from the end of X-Forwarded-For. With none,
 * the header holds the socket address: Next.js fills it in once the launcher has dropped whatever
 * the client sent (src/edge/strip-forwarded-headers.mjs).
 */
export function clientIp(headers: Headers, trustedProxies: number = env.TRUST_PROXY): string {
  return clientFromForwardedFor(headers.get("x-forwarded-for"), trustedProxies) ?? "unknown";
}
