import "server-only";
import { Prisma } from "@/generated/prisma/client";

// A reader's follows and mutes are turned into a few arrays and two combined full-text queries once
// per statement, so each paper costs one test per kind rather than one per follow: with 200 follows
// over a week of ~4,700 papers that is what keeps the feed near 100 ms instead of over a second.

/**
 * CTEs `reader_follows` (the reader's rows, topic queries parsed once) and `follow_sets` (one row:
 * followed and muted organizations, authors and categories as arrays, followed and muted topics
 * each OR-ed into one query, NULL when there are none). Use after `WITH`.
 */
export function readerFollowsCtes(userId: string): Prisma.Sql {
  const topics = (muted: boolean) =>
    Prisma.sql`(string_agg('(' || q::text || ')', ' | ') FILTER (WHERE kind = 'TOPIC' AND muted = ${muted} AND numnode(q) > 0))::tsquery`;
  const values = (kind: "ORGANIZATION" | "AUTHOR" | "CATEGORY", muted: boolean) =>
    Prisma.sql`coalesce(array_agg(value) FILTER (WHERE kind = ${kind}::"FollowKind" AND muted = ${muted}), '{}')`;
  return Prisma.sql`
    reader_follows AS MATERIALIZED (
      SELECT kind, value, muted, "createdAt", CASE WHEN kind = 'TOPIC' THEN websearch_to_tsquery('english', value) END AS q
      FROM "Follow" WHERE "userId" = ${userId}
    ),
    follow_sets AS MATERIALIZED (
      SELECT ${values("ORGANIZATION", false)} AS orgs, ${values("AUTHOR", false)} AS authors, ${topics(false)} AS topics,
        ${values("CATEGORY", false)} AS categories,
        ${values("ORGANIZATION", true)} AS muted_orgs, ${values("AUTHOR", true)} AS muted_authors, ${topics(true)} AS muted_topics,
        ${values("CATEGORY", true)} AS muted_categories
      FROM reader_follows
    )`;
}

// A category follow is a category (`cs.CL`) or a whole archive (`cs`): a paper matches when one of
// its categories, or that category's archive (the part before the dot), is in the set. The papers
// tested are already bounded by their days, so this per-paper test needs no index.
const inCategories = (set: Prisma.Sql) =>
  Prisma.sql`(cardinality(${set}) > 0 AND EXISTS (SELECT 1 FROM unnest(p."categories") c WHERE c = ANY(${set}) OR split_part(c, '.', 1) = ANY(${set})))`;

/** Paper `p` matches one of the reader's follows (needs `follow_sets fs` in FROM). */
export const MATCHES_A_FOLLOW = Prisma.sql`(coalesce(p."organizationName" = ANY(fs.orgs), false) OR p."authors" && fs.authors
  OR coalesce(p."searchVector" @@ fs.topics, false) OR ${inCategories(Prisma.sql`fs.categories`)})`;

/** Paper `p` is from a muted organization, author or category, or matches a muted topic (needs `follow_sets fs`). */
export const MATCHES_A_MUTE = Prisma.sql`(coalesce(p."organizationName" = ANY(fs.muted_orgs), false) OR p."authors" && fs.muted_authors
  OR coalesce(p."searchVector" @@ fs.muted_topics, false) OR ${inCategories(Prisma.sql`fs.muted_categories`)})`;

/** The first follow (by kind, then age) that paper `p` matches, as a lateral subquery over `reader_follows`. */
export const FIRST_MATCHING_FOLLOW = Prisma.sql`(
    SELECT f.kind, f.value FROM reader_follows f
    WHERE NOT f.muted AND ((f.kind = 'ORGANIZATION' AND p."organizationName" = f.value)
      OR (f.kind = 'AUTHOR' AND p."authors" @> ARRAY[f.value]) OR (f.kind = 'TOPIC' AND p."searchVector" @@ f.q)
      OR (f.kind = 'CATEGORY' AND ${inCategories(Prisma.sql`ARRAY[f.value]`)}))
    ORDER BY f.kind, f."createdAt" LIMIT 1
  )`;

/** The columns the tests above and the trending order read, for CTEs that carry papers along. */
export const FOLLOW_TEST_COLUMNS = Prisma.sql`p."id", p."organizationName", p."authors", p."searchVector", p."categories",
  p."upstreamUpvotes", p."localUpvotes", p."submittedAt", p."feedDate"`;
