import { isStorableText } from "@/lib/text";

// No id, name or token here holds a control character. Next.js passes decoded segments to the
// app, so these (and what PostgreSQL cannot store) would otherwise reach the database as they are.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Whether text is something an id, name or token here could be. */
function isUsableText(value: string): boolean {
  return !CONTROL.test(value) && isStorableText(value);
}

/**
 * Whether every segment of a raw (still %-encoded) URL path decodes to usable text. Next.js
 * answers a malformed escape in a dynamic segment with a 500 before any route code runs, so
 * such paths are turned away first.
 */
export function isUsablePath(rawPathname: string): boolean {
  return rawPathname.split("/").every((segment) => decodePathSegment(segment) !== null);
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
