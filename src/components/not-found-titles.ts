import type { RouteSubject } from "@/edge/routes";

/**
 * The `<title>` of a 404 answer, by what is missing ("Paper not found · Daily Papers"): the site's
 * 404 page (src/app/not-found.tsx, a full page load) and the pages' own metadata (a client-side
 * navigation to them) say the same.
 */
export const NOT_FOUND_TITLES: Record<RouteSubject, string> = {
  paper: "Paper not found",
  organization: "Organization not found",
  author: "Author not found",
  user: "Reader not found",
  category: "arXiv category not found",
  keyword: "Keyword not found",
  group: "Group not found",
  groupSession: "Session not found",
  collection: "Collection not found",
  date: "Day not found",
  week: "Week not found",
  month: "Month not found",
};

/** An address that names nothing the site knows. */
export const PAGE_NOT_FOUND_TITLE = "Page not found";
