import { z } from "zod";

// Words that name the site's own pages or would pass for staff.
const RESERVED = new Set([
  "about",
  "admin",
  "administrator",
  "anonymous",
  "api",
  "auth",
  "authors",
  "daily-papers",
  "deleted",
  "dev",
  "help",
  "me",
  "mod",
  "moderator",
  "moderators",
  "null",
  "operator",
  "orgs",
  "papers",
  "root",
  "settings",
  "signin",
  "signout",
  "staff",
  "submit",
  "subscribe",
  "support",
  "system",
  "undefined",
  "unsubscribe",
  "users",
]);

/** A public handle: 3 to 30 of a-z, 0-9 and "-", starting and ending with a letter or digit. */
export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Handles are at least 3 characters.")
  .max(30, "Handles are at most 30 characters.")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Use only a-z, 0-9 and hyphens, starting and ending with a letter or digit.")
  .refine((handle) => !handle.includes("--"), "Use single hyphens only.")
  .refine((handle) => !RESERVED.has(handle) && !/^reader-[0-9a-f]{6}$/.test(handle), "That handle is reserved; pick another.");

/**
 * A handle in an address: any handle an account may have, including the `reader-…` one given to a
 * reader who made a collection before choosing a handle (which nobody can choose for themselves).
 */
export const handleInAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(30)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
