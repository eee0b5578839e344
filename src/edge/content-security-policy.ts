import { env } from "@/env";

/**
 * The site's Content-Security-Policy with the given script sources. Pages rendered for one request
 * carry a fresh nonce (`'nonce-…' 'strict-dynamic'`); pages served from the anonymous page cache
 * carry the SHA-256 of each of their inline scripts instead, as a nonce cannot be shared.
 */
export function contentSecurityPolicy(scriptSources: string): string {
  const development = env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptSources}${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes come from React and Next.js; scripts are what the policy protects.
    "style-src 'self' 'unsafe-inline'",
    // Only the hosts the sources use: hostile imported data cannot make readers' browsers call others.
    `img-src 'self' data: ${env.IMAGE_HOSTS.map((host) => `https://${host}`).join(" ")}`,
    "font-src 'self'",
    "connect-src 'self'",
    // The dev mailbox shows message HTML in a sandboxed srcdoc frame.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function nonceScriptSources(nonce: string): string {
  return `'nonce-${nonce}' 'strict-dynamic'`;
}
