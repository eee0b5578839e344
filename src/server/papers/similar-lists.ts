import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { queryRows, type Db } from "@/server/db";

/** Papers a stored list holds: what "More like this" shows. */
export const SIMILAR_LIST_LENGTH = 30;
/**
 * New papers an import ranks right away, newest first; ranking one costs ~20-40 ms whatever the
 * number of papers, so a bulk import of history leaves the rest to their first view or the sync's
 * refresh instead of spending minutes here.
 */
export const SIMILAR_LISTS_AT_IMPORT = 100;
// As in search: rank among the newest papers that share a term, never among all of them.
const CANDIDATES = 2000;
// Title words carry a paper's topic; more of them only adds common words.
const MAX_TERMS = 12;

const termsRow = z.object({ terms: z.array(z.string()) });
const idRow = z.object({ id: z.string() });

/**
 * Ranks the papers closest to this one by content and stores them as its list, in the spirit of
 * arxiv-sanity's tf-idf neighbours, with PostgreSQL's full-text machinery: the paper's title terms
 * (stemmed, stop words dropped) become an OR query over the full-text index, and the newest 2,000
 * papers sharing any of them are ranked by how much of the query their title and abstract carry.
 * Never the paper itself, never a hidden paper. Returns the list, or null when there is no such
 * visible paper.
 */
export async function storeSimilarList(db: Db, paperId: string, now: Date): Promise<string[] | null> {
  // Raw: the title's lexemes come from to_tsvector, which Prisma cannot call. The ranking is a
  // second statement so that the planner sees the actual terms (and picks the feed-day index for
  // common ones, the full-text index for rare ones), as search does.
  const [paper] = await queryRows(
    db,
    termsRow,
    Prisma.sql`SELECT ARRAY(SELECT DISTINCT t.lexeme FROM unnest(to_tsvector('english', p."title")) AS t LIMIT ${MAX_TERMS}) AS "terms"
               FROM "Paper" p WHERE p."id" = ${paperId} AND p."hiddenAt" IS NULL`,
  );
  if (!paper) return null;
  const paperIds = paper.terms.length > 0 ? await rankByTerms(db, paperId, paper.terms) : [];
  await db.similarPaperList.upsert({
    where: { paperId },
    create: { paperId, paperIds, computedAt: now },
    update: { paperIds, computedAt: now },
  });
  return paperIds;
}

async function rankByTerms(db: Db, paperId: string, terms: string[]): Promise<string[]> {
  // Lexemes are already stemmed: the simple configuration takes them as they are, and quoting makes
  // each a literal term whatever it contains.
  const query = terms.map((term) => `'${term.replace(/'/g, "''")}'`).join(" | ");
  // Raw: full-text matching and ts_rank.
  const rows = await queryRows(
    db,
    idRow,
    Prisma.sql`
      WITH candidates AS (
        SELECT p."id", p."searchVector" FROM "Paper" p
        WHERE p."searchVector" @@ to_tsquery('simple', ${query}) AND p."id" <> ${paperId} AND p."hiddenAt" IS NULL
        ORDER BY p."feedDate" DESC
        LIMIT ${CANDIDATES}
      )
      SELECT c."id" FROM candidates c
      ORDER BY ts_rank(c."searchVector", to_tsquery('simple', ${query}), 1) DESC, c."id"
      LIMIT ${SIMILAR_LIST_LENGTH}`,
  );
  return rows.map((row) => row.id);
}

/**
 * Lists for papers an import just created (`createdIds` in the order written, so the newest day
 * last): the newest SIMILAR_LISTS_AT_IMPORT of them, one after another.
 */
export async function storeSimilarListsOfNewPapers(db: Db, createdIds: string[], now: Date): Promise<void> {
  for (const paperId of createdIds.slice(-SIMILAR_LISTS_AT_IMPORT).reverse()) await storeSimilarList(db, paperId, now);
}
