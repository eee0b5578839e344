// Addresses the group routes use for themselves: a group called "New" must not hide /groups/new.
const RESERVED = new Set(["new", "join", "reminders"]);

export const SLUG_MAX_LENGTH = 48;

/**
 * The readable part of a group's address, from its name: "Théorie des Graphes — Lunch" becomes
 * `theorie-des-graphes-lunch`. Lowercase ASCII letters, digits and single dashes; the server adds
 * a suffix when it is taken or reserved.
 */
export function slugFromName(name: string, fallback = "group"): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/^-+|-+$/g, "");
  return slug || fallback;
}

export function isReservedSlug(slug: string): boolean {
  return RESERVED.has(slug);
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
