// The list density (Full, Compact, Titles) is a presentation choice made in the browser: every
// card is rendered with the same HTML whatever the reader picked, and `data-density` on <html>
// selects the CSS in density.css that hides and clamps parts of it. So the anonymous page cache
// keeps one shared copy of each page (no density in its key, no per-reader render), and the cookie
// that remembers the choice is read only by DENSITY_SCRIPT, in the browser, before first paint.

import { DENSITIES, DENSITY_COOKIE, type Density } from "@/lib/density";

/**
 * Runs in the document's head before first paint, like the theme script: sets `data-density` from
 * the cookie. It is the same text for every reader, so cached pages keep one CSP hash for it.
 */
export const DENSITY_SCRIPT = `(function(){try{var m=/(?:^|;\\s*)${DENSITY_COOKIE}=(compact|titles)(?:;|$)/.exec(document.cookie);if(m)document.documentElement.dataset.density=m[1]}catch(x){}})()`;

function isDensity(value: string | undefined): value is Density {
  return (DENSITIES as readonly string[]).includes(value ?? "");
}

/** The density the page shows now (browser only). */
export function currentDensity(): Density {
  const value = document.documentElement.dataset.density;
  return isDensity(value) ? value : "full";
}

/** The `document.cookie` assignment that remembers `density` in this browser for a year (Full: none). */
function densityCookie(density: Density): string {
  return density === "full"
    ? `${DENSITY_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
    : `${DENSITY_COOKIE}=${density}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** Shows the page in `density` and remembers it for a year in this browser (browser only). */
export function applyDensity(density: Density): void {
  const root = document.documentElement;
  if (density === "full") delete root.dataset.density;
  else root.dataset.density = density;
  document.cookie = densityCookie(density);
}

/**
 * For a signed-in reader's page: applies the density saved on their account, in the header, before
 * the list is parsed, and remembers it in this browser, so a choice follows the reader to every
 * browser they sign in on. Only signed-in pages carry it (they are never served from the cache).
 */
export function accountDensityScript(density: Density): string {
  const attribute = density === "full" ? "delete r.dataset.density" : `r.dataset.density=${JSON.stringify(density)}`;
  return `(function(){var r=document.documentElement;${attribute};document.cookie=${JSON.stringify(densityCookie(density))}})()`;
}
