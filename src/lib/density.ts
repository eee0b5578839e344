import { z } from "zod";

// The list densities (issue 22). Pure, so the server (the account's choice) and the browser (the
// switch and the head script) share one list.

export const DENSITIES = ["full", "compact", "titles"] as const;
export type Density = (typeof DENSITIES)[number];

export const densitySchema = z.enum(DENSITIES, { error: "The density must be full, compact or titles." });

export const DENSITY_LABELS: Record<Density, string> = { full: "Full", compact: "Compact", titles: "Titles" };

/** The cookie holding a density other than Full; the server never reads it. */
export const DENSITY_COOKIE = "density";
