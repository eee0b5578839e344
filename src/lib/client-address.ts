/**
 * The client address in an X-Forwarded-For header written by `trustedProxies` reverse proxies, each
 * appending the address it saw: the client is that many entries from the end. Null when the header
 * holds fewer (then it was not written by the proxies this site trusts).
 */
export function clientFromForwardedFor(forwardedFor: string | null | undefined, trustedProxies: number): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return entries.at(-Math.max(1, trustedProxies)) ?? null;
}
