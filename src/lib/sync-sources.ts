import { z } from "zod";

/** A place the sync job reads papers from; `key` names it in SyncRun rows and cursors. */
export type SyncSource = { kind: "hf"; key: "hf" } | { kind: "arxiv"; key: string; categories: string[] };

// arXiv category names: cs.CL, math.AG, hep-th, astro-ph.GA, q-bio.NC.
const CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]{2,})?$/;

const sourceSchema = z.string().transform((text, ctx): SyncSource => {
  if (text === "hf") return { kind: "hf", key: "hf" };
  const match = /^arxiv:(.+)$/.exec(text);
  const categories = match?.[1]!.split(",").map((category) => category.trim());
  if (!categories || categories.length === 0 || categories.some((category) => !CATEGORY.test(category))) {
    ctx.addIssue({
      code: "custom",
      message: `"${text}" is not a source: use hf, or arxiv: followed by comma-separated categories (arxiv:cs.CL,cs.LG)`,
    });
    return z.NEVER;
  }
  const unique = [...new Set(categories)].sort();
  return { kind: "arxiv", key: `arxiv:${unique.join(",")}`, categories: unique };
});

/** SYNC_SOURCES: sources separated by spaces or semicolons, e.g. `hf arxiv:cs.CL,cs.LG`. */
export const syncSourcesSchema = z
  .string()
  .transform((value) => value.split(/[\s;]+/).filter(Boolean))
  .pipe(z.array(sourceSchema).min(1, "name at least one source (hf, or arxiv:<categories>)"))
  .refine((sources) => new Set(sources.map((source) => source.key)).size === sources.length, "names the same source twice");
