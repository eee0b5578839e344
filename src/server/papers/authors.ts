import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { ListFilter } from "@/lib/list-filter";
import { queryRows, type Db } from "@/server/db";
import { selectionKey, selectionWhere } from "@/server/papers/list-condition";
import { getListPage, type ListPage, type ListPosition } from "@/server/papers/list-pages";

export interface AuthorPage extends ListPage {
  author: string;
  /** All the author's papers here, and their upvotes (imported plus local), whatever the filter. */
  totalPapers: number;
  totalUpvotes: number;
}

const totalsRow = z.object({ papers: z.number(), upvotes: z.number() });

/**
 * Papers whose author list holds exactly this name (filtered when asked), newest first by arXiv
 * publication, a page at a time; null when no paper here names them. The totals are of all their
 * papers. The GIN index on "authors" answers `@>`.
 */
export async function getAuthorPapers(
  db: Db,
  name: string,
  position: ListPosition = {},
  filter: ListFilter | null = null,
): Promise<AuthorPage | null> {
  const matches = Prisma.sql`p."authors" @> ARRAY[${name}]::text[] AND p."hiddenAt" IS NULL`;
  // Raw: Prisma cannot filter on array containment in an aggregate with a sum of two columns.
  const [totals] = await queryRows(
    db,
    totalsRow,
    Prisma.sql`SELECT count(*)::int AS papers, coalesce(sum(p."upstreamUpvotes" + p."localUpvotes"), 0)::int AS upvotes
               FROM "Paper" p WHERE ${matches}`,
  );
  if (!totals || totals.papers === 0) return null;
  const list = { key: `${selectionKey({ filter })}author:${name}`, where: Prisma.sql`${matches} AND ${selectionWhere({ filter })}` };
  return {
    author: name,
    totalPapers: totals.papers,
    totalUpvotes: totals.upvotes,
    ...(await getListPage(db, list, "newest", new Date(), position)),
  };
}
