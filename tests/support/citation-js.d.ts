// citation.js ships no types; the tests use this much of it.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: string, options?: { forceType?: string });
    data: Record<string, unknown>[];
  }
  export const plugins: { input: { has(format: string): boolean } };
}
declare module "@citation-js/plugin-ris";
