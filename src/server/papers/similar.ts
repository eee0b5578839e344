import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { queryRows, type Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";

export const SIMILAR_PAPERS = 6;
/** Neighbours on the "More like this" page. */
export const MORE_LIKE_THIS = 30;
// As in search: rank among the newest papers that share a term, never among all of them.
const CANDIDATES = 2000;
// Title words carry a paper's topic; more of them only adds common words.
const MAX_TERMS = 12;

const lexemeRow = z.object({ lexeme: z.string() });
const idRow = z.object({ id: z.string() });

/**
 * Up to `limit` papers close to this one by content, in the spirit of arxiv-sanity's tf-idf
 * neighbours, with PostgreSQL's full-text machinery: the paper's title terms (stemmed, stop words
 * dropped) become an OR query over the full-text index, and the newest 2,000 papers sharing any of
 * them are ranked by how much of the query their title and abstract carry. Never the paper itself.
 */
export async function getSimilarPapers(db: Db, paperId: string, limit = SIMILAR_PAPERS): Promise<PaperDto[]> {
  // Two statements so the planner sees the actual terms (and picks the feed-day index for common
  // ones, the full-text index for rare ones), as search does.
  const lexemes = await queryRows(
    db,
    lexemeRow,
    Prisma.sql`SELECT DISTINCT t.lexeme FROM "Paper" p, unnest(to_tsvector('english', p."title")) AS t
               WHERE p."id" = ${paperId} LIMIT ${MAX_TERMS}`,
  );
  if (lexemes.length === 0) return [];
  // Lexemes are already stemmed: the simple configuration takes them as they are, and quoting makes
  // each a literal term whatever it contains.
  const query = lexemes.map(({ lexeme }) => `'${lexeme.replace(/'/g, "''")}'`).join(" | ");
  const ids = await queryRows(
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
      LIMIT ${limit}`,
  );
  const rows = await db.paper.findMany({ where: { id: { in: ids.map((row) => row.id) }, hiddenAt: null }, select: paperSelect });
  const byId = new Map(rows.map((row) => [row.id, toPaperDto(row)]));
  return ids.flatMap(({ id }) => byId.get(id) ?? []);
}
