/** Postgres NOTIFY channel raised whenever papers are written, so app instances drop cached pages. */
export const PAPERS_CHANGED_CHANNEL = "papers_changed";
