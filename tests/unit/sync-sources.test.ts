import { expect, it } from "vitest";
import { syncSourcesSchema } from "@/lib/sync-sources";

it("takes every arXiv category or archive of the taxonomy, hyphens too, and names what it refuses", () => {
  const parsed = syncSourcesSchema.parse("hf arxiv:cond-mat.str-el,physics.atom-ph,hep-th,cs");
  expect(parsed.map((source) => source.key)).toEqual(["hf", "arxiv:cond-mat.str-el,cs,hep-th,physics.atom-ph"]);
  const refused = syncSourcesSchema.safeParse("arxiv:cs.XX");
  expect(refused.success).toBe(false);
  expect(refused.error?.issues[0]?.message).toContain('"arxiv:cs.XX" is not a source');
});
