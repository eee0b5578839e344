import { createHash } from "node:crypto";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * CSP hash sources (`'sha256-…'`) for every inline script of a page, so a page rendered once and
 * served to many readers can keep a strict script policy without a per-request nonce. Next.js
 * escapes `</` inside its inline data, so the first `</script>` ends each script.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes!) || body === "") continue;
    hashes.add(`'sha256-${createHash("sha256").update(body!, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}
