import type { PeriodKind } from "@/lib/periods";

/** What a page address is about, for deciding that it does not exist and for saying so. */
export type PageSubject =
  | { type: "organization"; name: string }
  | { type: "author"; name: string }
  | { type: "user"; handle: string }
  | { type: "period"; kind: PeriodKind; key: string }
  | { type: "paper"; text: string };

/** Longer names are not looked up: no real author name comes close. */
export const AUTHOR_NAME_MAX = 300;

const PERIOD_KINDS: readonly PeriodKind[] = ["date", "week", "month"];
// Routes of their own under /papers/, which the catch-all paper route never sees.
const OTHER_PAPERS_ROUTES = new Set(["trending", "search", "for-you", "feed.xml", "feed.json"]);
// `/papers/similar/<id>`: "More like this" for one paper.
const SIMILAR_ROUTE = "similar";

/** The subject of a page path given as decoded segments (null for one that is not valid text). */
export function pageSubject(segments: readonly (string | null)[]): PageSubject | null {
  if (segments.some((segment) => segment === null)) return null;
  const [section, first, ...rest] = segments as string[];
  if (first === undefined) return null;
  if (section === "orgs") return rest.length === 0 ? { type: "organization", name: first } : null;
  if (section === "authors") return rest.length === 0 ? { type: "author", name: first } : null;
  if (section === "users") return rest.length === 0 ? { type: "user", handle: first } : null;
  if (section !== "papers" || OTHER_PAPERS_ROUTES.has(first)) return null;
  if (first === SIMILAR_ROUTE) return rest.length > 0 ? { type: "paper", text: rest.join("/") } : null;
  const kind = PERIOD_KINDS.find((candidate) => candidate === first);
  if (kind) return rest.length === 1 ? { type: "period", kind, key: rest[0]! } : null;
  return { type: "paper", text: [first, ...rest].join("/") };
}
