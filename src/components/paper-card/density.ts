// The list density (Full, Compact, Titles) is a presentation choice made in the browser: every
// card is rendered with the same HTML whatever the reader picked, and `data-density` on <html>
// selects the CSS in density.css that hides and clamps parts of it. So the anonymous page cache
// keeps one shared copy of each page (no density in its key, no per-reader render), and the cookie
// that remembers the choice is read only by DENSITY_SCRIPT, in the browser, before first paint.

export const DENSITIES = ["full", "compact", "titles"] as const;
export type Density = (typeof DENSITIES)[number];

export const DENSITY_LABELS: Record<Density, string> = { full: "Full", compact: "Compact", titles: "Titles" };

/** The cookie holding a density other than Full; the server never reads it. */
export const DENSITY_COOKIE = "density";

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

/** Shows the page in `density` and remembers it for a year in this browser (browser only). */
export function applyDensity(density: Density): void {
  const root = document.documentElement;
  if (density === "full") {
    delete root.dataset.density;
    document.cookie = `${DENSITY_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  } else {
    root.dataset.density = density;
    document.cookie = `${DENSITY_COOKIE}=${density}; Path=/; Max-Age=31536000; SameSite=Lax`;
  }
}
