import "server-only";

/**
 * Route handlers get no CSRF protection from Next.js, so state-changing requests must carry an
 * Origin naming this site: the configured public URL, or the host the request was addressed to
 * (which a browser cannot forge), e.g. 127.0.0.1 while NEXTAUTH_URL says localhost.
 */
export function hasSameOrigin(request: Request, siteUrl: string): boolean {
  const origin = request.headers.get("origin");
  // Browsers send `Origin: null` under strict referrer policies or privacy settings; they also
  // send Sec-Fetch-Site, which pages cannot set, so it vouches for a same-origin request then.
  if (!origin || origin === "null") return request.headers.get("sec-fetch-site") === "same-origin";
  const allowed = new Set([new URL(siteUrl).origin, new URL(request.url).origin]);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) allowed.add(`${request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "")}://${host}`);
  return allowed.has(origin);
}

/**
 * The client address for per-IP limits. Next.js sets X-Forwarded-For only when absent, and a
 * reverse proxy appends the address it saw, so the last entry is the one a client cannot choose
 * when the app runs behind a proxy.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? headers.get("x-real-ip")?.trim() ?? "unknown";
}
