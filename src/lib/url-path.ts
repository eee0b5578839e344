// Characters PostgreSQL text cannot hold (NUL) or that no valid name contains (other C0 controls,
// unpaired UTF-16 surrogates). Next.js passes decoded segments to the app, so these would reach
// the database as they are.
const UNUSABLE = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether text is something an id, name or token here could be. */
export function isUsableText(value: string): boolean {
  return !UNUSABLE.test(value);
}

/**
 * Whether every segment of a raw (still %-encoded) URL path decodes to usable text. Next.js
 * answers a malformed escape in a dynamic segment with a 500 before any route code runs, so
 * such paths are turned away first.
 */
export function isUsablePath(rawPathname: string): boolean {
  return rawPathname.split("/").every((segment) => {
    try {
      return isUsableText(decodeURIComponent(segment));
    } catch {
      return false;
    }
  });
}

/** A dynamic route segment as text, or null when it is malformed or holds unusable characters. */
export function decodePathSegment(segment: string): string | null {
  try {
    const text = decodeURIComponent(segment);
    return isUsableText(text) ? text : null;
  } catch {
    return null;
  }
}
