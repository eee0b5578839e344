import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { queryRows, type Db } from "@/server/db";
import { getListPage, type ListPage, type ListPosition } from "@/server/papers/list-pages";

export interface AuthorPage extends ListPage {
  author: string;
  /** Upvotes of all the author's papers here (imported plus local). */
  totalUpvotes: number;
}

const totalsRow = z.object({ papers: z.number(), upvotes: z.number() });

/**
 * Papers whose author list holds exactly this name, newest first by arXiv publication, a page at a
 * time; null when no paper here names them. The GIN index on "authors" answers `@>`.
 */
export async function getAuthorPapers(db: Db, name: string, position: ListPosition = {}): Promise<AuthorPage | null> {
  const matches = Prisma.sql`p."authors" @> ARRAY[${name}]::text[] AND p."hiddenAt" IS NULL`;
  // Raw: Prisma cannot filter on array containment in an aggregate with a sum of two columns.
  const [totals] = await queryRows(
    db,
    totalsRow,
    Prisma.sql`SELECT count(*)::int AS papers, coalesce(sum(p."upstreamUpvotes" + p."localUpvotes"), 0)::int AS upvotes
               FROM "Paper" p WHERE ${matches}`,
  );
  if (!totals || totals.papers === 0) return null;
  const list = { key: `author:${name}`, where: matches };
  return { author: name, totalUpvotes: totals.upvotes, ...(await getListPage(db, list, "newest", new Date(), position)) };
}
