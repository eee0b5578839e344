import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { ListFilter } from "@/lib/list-filter";
import { queryRows, type Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";
import { filterCondition } from "@/server/papers/list-condition";

// Papers added to the public collections a reader follows: what for-you and the digest show with the
// reason "In <collection> by <handle>". A reader follows at most MAX_FOLLOWS collections and each
// lookup is an index range on CollectionPaper(collectionId, addedAt), so this never scans a table.

export interface FollowedCollectionPaper {
  paper: PaperDto;
  collection: { name: string; handle: string; slug: string };
}

const row = z.object({ paperId: z.string(), name: z.string(), handle: z.string(), slug: z.string(), addedAt: z.date() });

/**
 * Up to `limit` papers added after `since` to collections `userId` follows, newest first, one row a
 * paper (the collection it was added to last), within the list filter. Leaves out hidden papers,
 * the reader's hidden ones, `exclude`, and, for a digest, what this subscriber was sent before.
 */
export async function papersFromFollowedCollections(
  db: Db,
  userId: string,
  options: { since: Date; until: Date; limit: number; filter?: ListFilter; exclude?: string[]; sentTo?: string },
): Promise<FollowedCollectionPaper[]> {
  const rows = await queryRows(
    db,
    row,
    Prisma.sql`
      SELECT DISTINCT ON (cp."paperId") cp."paperId", c."name", u."handle", c."slug", cp."addedAt"
      FROM "CollectionFollow" f
      JOIN "Collection" c ON c."id" = f."collectionId" AND c."visibility" = 'PUBLIC' AND c."hiddenAt" IS NULL
      JOIN "User" u ON u."id" = c."ownerId" AND u."handle" IS NOT NULL
      CROSS JOIN LATERAL (
        SELECT x."paperId", x."addedAt" FROM "CollectionPaper" x
        WHERE x."collectionId" = c."id" AND x."addedAt" > ${options.since} AND x."addedAt" <= ${options.until}
        ORDER BY x."addedAt" DESC LIMIT ${options.limit}
      ) cp
      JOIN "Paper" p ON p."id" = cp."paperId" AND p."hiddenAt" IS NULL AND ${filterCondition(options.filter)}
      WHERE f."userId" = ${userId}
        AND cp."paperId" <> ALL(${options.exclude ?? []}::text[])
        AND NOT EXISTS (SELECT 1 FROM "PaperHidden" h WHERE h."userId" = ${userId} AND h."paperId" = cp."paperId")
        AND NOT EXISTS (SELECT 1 FROM "SentPaper" s WHERE s."subscriberId" = ${options.sentTo ?? null} AND s."paperId" = cp."paperId")
      ORDER BY cp."paperId", cp."addedAt" DESC`,
  );
  const newest = rows
    .sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime() || a.paperId.localeCompare(b.paperId))
    .slice(0, options.limit);
  if (newest.length === 0) return [];
  const papers = await db.paper.findMany({ where: { id: { in: newest.map((row) => row.paperId) } }, select: paperSelect });
  const byId = new Map(papers.map((paper) => [paper.id, toPaperDto(paper)]));
  return newest.flatMap(({ paperId, name, handle, slug }) => {
    const paper = byId.get(paperId);
    return paper ? [{ paper, collection: { name, handle, slug } }] : [];
  });
}
