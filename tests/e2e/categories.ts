import { withDatabase } from "./session";

/**
 * arXiv categories for a few papers of the e2e data, which has none (Hugging Face's answers carry
 * none): days 2026-06-16 and 2026-06-10, with cross-lists. Primary first, as arXiv lists them.
 */
export const E2E_CATEGORIES: Readonly<Record<string, string[]>> = {
  "2606.14777": ["cs.CV", "cs.CL"],
  "2606.11176": ["cs.CL", "cs.AI"],
  "2606.14066": ["cs.CL"],
  "2606.17046": ["cs.RO", "cs.CV"],
  "2606.10917": ["cs.CL", "cs.LG"],
};

/** Gives the papers these categories and returns how to put their old ones back; the servers under test hear of both. */
export async function setCategories(categories: Readonly<Record<string, string[]>>): Promise<() => Promise<void>> {
  const ids = Object.keys(categories);
  const before = await withDatabase(async (db) => {
    const { rows } = await db.query<{ id: string; categories: string[] }>(`SELECT id, categories FROM "Paper" WHERE id = ANY($1)`, [ids]);
    for (const id of ids) await db.query(`UPDATE "Paper" SET categories = $2 WHERE id = $1`, [id, categories[id]]);
    return rows;
  });
  return () =>
    withDatabase(async (db) => {
      for (const row of before) await db.query(`UPDATE "Paper" SET categories = $2 WHERE id = $1`, [row.id, row.categories]);
    });
}
