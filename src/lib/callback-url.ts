/**
 * Where to send someone after signing in: `value` when it points at `siteUrl`'s origin, else the
 * home page. Accepts paths (`/papers/x?y`) and absolute URLs; anything unparsable, off-site,
 * protocol-relative (`//evil.com`) or non-http falls back instead of throwing.
 */
export function safeCallbackUrl(value: unknown, siteUrl: string): string {
  const site = new URL(siteUrl);
  const home = new URL("/", site).toString();
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return home;
  // Browsers read a backslash as a slash, so "/\evil.com" would be protocol-relative.
  if (value.includes("\\") || /[\u0000-\u001f]/.test(value)) return home;
  let target: URL;
  try {
    target = new URL(value, site);
  } catch {
    return home;
  }
  if (target.origin !== site.origin) return home;
  return target.toString();
}

/** The same check for a path kept inside the app (`/me?x=1`), as used by sign-in links and forms. */
export function safeCallbackPath(value: unknown, siteUrl: string): string {
  const url = new URL(safeCallbackUrl(value, siteUrl));
  // `/.//evil.example` resolves to the path `//evil.example`, which as a Location is another host.
  const pathname = url.pathname.replace(/^\/+/, "/");
  return `${pathname}${url.search}${url.hash}`;
}
