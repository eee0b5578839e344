import { z } from "zod";
import { isKnownCategory } from "@/lib/arxiv-taxonomy";

interface SyncSourceKindSpec {
  /** What may follow the name after a colon: comma-separated values; null when nothing may. */
  options: { name: string; accepts: (value: string) => boolean; example: string } | null;
}

/**
 * Every kind of source the sync can read, by the name SYNC_SOURCES gives it. This is the one list:
 * the sync's registry (src/server/sync/source-readers.ts) must have a reader for each name. It
 * lives here, not there, because src/env.ts validates SYNC_SOURCES with it and must stay pure.
 */
export const SYNC_SOURCE_KINDS = {
  hf: { options: null },
  // arXiv categories or archives from its taxonomy: cs.CL, math.AG, hep-th, cond-mat.str-el, q-bio.
  arxiv: { options: { name: "categories", accepts: isKnownCategory, example: "cs.CL,cs.LG" } },
} as const satisfies Record<string, SyncSourceKindSpec>;

export type SyncSourceKind = keyof typeof SYNC_SOURCE_KINDS;

/** A source the sync reads from; `key` names it in SyncRun rows and cursors (`hf`, `arxiv:cs.CL,cs.LG`). */
export interface SyncSource {
  kind: SyncSourceKind;
  key: string;
  /** Sorted and without repeats, so one set of options is one key. */
  options: string[];
}

const kinds = Object.keys(SYNC_SOURCE_KINDS) as SyncSourceKind[];

const isKind = (name: string): name is SyncSourceKind => Object.hasOwn(SYNC_SOURCE_KINDS, name);

/** `hf, or arxiv: followed by ...`: the names a source may have, for messages. */
function describeKinds(describe: (kind: SyncSourceKind, options: SyncSourceKindSpec["options"]) => string): string {
  const described = kinds.map((kind) => describe(kind, SYNC_SOURCE_KINDS[kind].options));
  return described.length > 1 ? `${described.slice(0, -1).join(", ")}, or ${described.at(-1)}` : described.join("");
}

const sourceSchema = z.string().transform((text, ctx): SyncSource => {
  const colon = text.indexOf(":");
  const name = colon === -1 ? text : text.slice(0, colon);
  const list = colon === -1 ? null : text.slice(colon + 1);
  if (isKind(name)) {
    const { options } = SYNC_SOURCE_KINDS[name];
    if (!options && list === null) return { kind: name, key: name, options: [] };
    const values = list?.split(",").map((value) => value.trim());
    if (options && values && values.every((value) => options.accepts(value))) {
      const unique = [...new Set(values)].sort();
      return { kind: name, key: `${name}:${unique.join(",")}`, options: unique };
    }
  }
  const usage = describeKinds((kind, options) =>
    options ? `${kind}: followed by comma-separated ${options.name} (${kind}:${options.example})` : kind,
  );
  ctx.addIssue({ code: "custom", message: `"${text}" is not a source: use ${usage}` });
  return z.NEVER;
});

/** SYNC_SOURCES: sources separated by spaces or semicolons, e.g. `hf arxiv:cs.CL,cs.LG`. */
export const syncSourcesSchema = z
  .string()
  .transform((value) => value.split(/[\s;]+/).filter(Boolean))
  .pipe(
    z
      .array(sourceSchema)
      .min(1, `name at least one source (${describeKinds((kind, options) => (options ? `${kind}:<${options.name}>` : kind))})`),
  )
  .refine((sources) => new Set(sources.map((source) => source.key)).size === sources.length, "names the same source twice");
