import "server-only";
import { Prisma } from "@/generated/prisma/client";

/**
 * Whether paper `p` matches the follow row aliased `f`: each kind is an index-backed test
 * (organization and feed day, the GIN indexes on authors and on the full-text vector).
 */
export function followMatchesPaper(f: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
      (${f}."kind" = 'ORGANIZATION' AND p."organizationName" = ${f}."value")
      OR (${f}."kind" = 'AUTHOR' AND p."authors" @> ARRAY[${f}."value"])
      OR (${f}."kind" = 'TOPIC' AND p."searchVector" @@ websearch_to_tsquery('english', ${f}."value")))`;
}

/** True when the reader marked paper `p`'s organization or one of its topics "Not interested". */
export function mutedBy(userId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Follow" m WHERE m."userId" = ${userId} AND m."muted" AND ${followMatchesPaper(Prisma.sql`m`)})`;
}

/** The first follow (by kind, then age) of the reader that paper `p` matches, as a lateral subquery. */
export function firstMatchingFollow(userId: string): Prisma.Sql {
  return Prisma.sql`(
        SELECT f."kind", f."value" FROM "Follow" f
        WHERE f."userId" = ${userId} AND NOT f."muted" AND ${followMatchesPaper(Prisma.sql`f`)}
        ORDER BY f."kind", f."createdAt" LIMIT 1
      )`;
}
