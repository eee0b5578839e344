import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-ris";

/** A record as citation.js gives it (CSL-JSON), with the fields the tests read. */
export interface CslRecord {
  type?: string;
  title?: string;
  author?: { family?: string; given?: string; literal?: string }[];
  DOI?: string;
  URL?: string;
  note?: string;
  abstract?: string;
  issued?: { "date-parts"?: number[][] };
  [field: string]: unknown;
}

/** RIS text read by citation.js's RIS plugin (one record per `TY`…`ER`). */
export function risParse(text: string): CslRecord[] {
  if (!plugins.input.has("@ris/file")) throw new Error("the citation.js RIS plugin did not load");
  return new Cite(text, { forceType: "@ris/file" }).data as CslRecord[];
}
