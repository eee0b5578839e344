import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { DigestPeriod } from "@/lib/digest-period";
import { FOLLOW_KINDS, followReason } from "@/lib/follows";
import { queryRows, type Db } from "@/server/db";
import type { DigestContentPapers, DigestPaper } from "@/server/digest/email";
import {
  FIRST_MATCHING_FOLLOW,
  FOLLOW_TEST_COLUMNS,
  MATCHES_A_FOLLOW,
  MATCHES_A_MUTE,
  readerFollowsCtes,
} from "@/server/follows/follow-match";
import { feedOrderSql } from "@/server/papers/list-pages";

/** Papers in the "From what you follow" section of a personal digest. */
export const FOLLOWED_SECTION_SIZE = 5;
// Mutes are checked on this many trending candidates at a time: one query for nearly everyone.
const MUTE_CHECK_WINDOW = 50;

/** The top `size` trending candidates not sent to this subscriber before and not muted by the reader. */
export async function pickUnmutedUnsentPapers(
  db: Db,
  userId: string,
  candidates: DigestPaper[],
  alreadySent: ReadonlySet<string>,
  size: number,
): Promise<DigestPaper[]> {
  const unsent = candidates.filter((paper) => !alreadySent.has(paper.id));
  const picked: DigestPaper[] = [];
  for (let start = 0; start < unsent.length && picked.length < size; start += MUTE_CHECK_WINDOW) {
    const window = unsent.slice(start, start + MUTE_CHECK_WINDOW);
    const muted = await mutedAmong(
      db,
      userId,
      window.map((paper) => paper.id),
    );
    for (const paper of window) {
      if (picked.length === size) break;
      if (!muted.has(paper.id)) picked.push(paper);
    }
  }
  return picked;
}

async function mutedAmong(db: Db, userId: string, paperIds: string[]): Promise<Set<string>> {
  const rows = await queryRows(
    db,
    z.object({ id: z.string() }),
    Prisma.sql`WITH ${readerFollowsCtes(userId)}
      SELECT p."id" FROM "Paper" p, follow_sets fs WHERE p."id" = ANY(${paperIds}::text[]) AND ${MATCHES_A_MUTE}`,
  );
  return new Set(rows.map((row) => row.id));
}

const followedRow = z.object({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  authorCount: z.number(),
  organization: z.string().nullable(),
  upvotes: z.number(),
  kind: z.enum(FOLLOW_KINDS),
  value: z.string(),
});

/**
 * Up to FOLLOWED_SECTION_SIZE papers of the period matching the reader's follows and no mute, best
 * first by the trending score, that this subscriber was never sent and that are not in `exclude`
 * (the same email's trending section). One statement.
 */
export async function loadFollowedPapers(
  db: Db,
  options: { userId: string; subscriberId: string; period: DigestPeriod; exclude: string[] },
): Promise<DigestContentPapers["followed"]> {
  const { userId, subscriberId, period } = options;
  const rows = await queryRows(
    db,
    followedRow,
    Prisma.sql`
      WITH ${readerFollowsCtes(userId)},
      matched AS MATERIALIZED (
        SELECT ${FOLLOW_TEST_COLUMNS} FROM "Paper" p, follow_sets fs
        WHERE p."feedDate" >= ${period.firstDay}::date AND p."feedDate" <= ${period.lastDay}::date AND p."hiddenAt" IS NULL
          AND p."id" <> ALL(${options.exclude}::text[]) AND ${MATCHES_A_FOLLOW}
        ORDER BY ${feedOrderSql("trending", period.rankedAt)}
      ),
      picked AS (
        SELECT p.* FROM matched p, follow_sets fs
        WHERE NOT ${MATCHES_A_MUTE}
          AND NOT EXISTS (SELECT 1 FROM "SentPaper" s WHERE s."subscriberId" = ${subscriberId} AND s."paperId" = p."id")
        LIMIT ${FOLLOWED_SECTION_SIZE}
      )
      SELECT p."id", paper."title", paper."abstract", cardinality(p."authors") AS "authorCount", o."fullName" AS "organization",
        (p."upstreamUpvotes" + p."localUpvotes") AS "upvotes", reason."kind"::text AS "kind", reason."value"
      FROM picked p
      JOIN "Paper" paper ON paper."id" = p."id"
      CROSS JOIN LATERAL ${FIRST_MATCHING_FOLLOW} AS reason
      LEFT JOIN "Organization" o ON o."name" = p."organizationName"
      ORDER BY ${feedOrderSql("trending", period.rankedAt)}`,
  );
  return rows.map(({ kind, value, ...paper }) => ({
    ...paper,
    reason: followReason(kind, kind === "ORGANIZATION" && paper.organization ? paper.organization : value),
  }));
}
