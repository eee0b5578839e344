import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { addDays, toIsoDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { FOLLOW_KINDS, MAX_FOLLOWS, type FollowKindName, type FollowRequest } from "@/lib/follows";
import { NO_FILTER, type ListFilter } from "@/lib/list-filter";
import { TRENDING_DAYS } from "@/lib/ranking";
import { db as sharedDb, queryRows, type Db } from "@/server/db";
import {
  FIRST_MATCHING_FOLLOW,
  FOLLOW_TEST_COLUMNS,
  MATCHES_A_FOLLOW,
  MATCHES_A_MUTE,
  readerFollowsCtes,
} from "@/server/follows/follow-match";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";
import { filterCondition } from "@/server/papers/list-condition";
import { feedOrderSql } from "@/server/papers/list-pages";

const FOR_YOU_LIMIT = 50;

export interface FollowRow {
  kind: FollowKindName;
  value: string;
  muted: boolean;
}

/** Follows, mutes or unfollows; at most MAX_FOLLOWS follows and mutes together per reader. */
export async function applyFollow(db: Db, userId: string, request: FollowRequest): Promise<void> {
  const key = { userId_kind_value: { userId, kind: request.kind, value: request.value } };
  if (request.mode === "unfollow") {
    await db.follow.deleteMany({ where: { userId, kind: request.kind, value: request.value } });
    return;
  }
  const muted = request.mode === "mute";
  await db.$transaction(async (tx) => {
    // Serialises one reader's changes, so two tabs cannot both add the 200th.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`follows:${userId}`}, 0))`;
    const existing = await tx.follow.findUnique({ where: key, select: { id: true } });
    if (!existing && (await tx.follow.count({ where: { userId } })) >= MAX_FOLLOWS) {
      throw new AppError("BAD_REQUEST", `You follow or mute ${MAX_FOLLOWS} things already; remove some on /me first.`);
    }
    await tx.follow.upsert({ where: key, create: { userId, kind: request.kind, value: request.value, muted }, update: { muted } });
  });
}

/** The reader's follows, then their mutes, newest first (at most MAX_FOLLOWS: applyFollow keeps them to that). */
export async function listFollows(db: Db, userId: string): Promise<FollowRow[]> {
  return db.follow.findMany({
    where: { userId },
    orderBy: [{ muted: "asc" }, { createdAt: "desc" }],
    take: MAX_FOLLOWS,
    select: { kind: true, value: true, muted: true },
  });
}

export interface ForYouPaper {
  paper: PaperDto;
  reason: { kind: FollowKindName; value: string };
}

const matchRow = z.object({ id: z.string(), kind: z.enum(FOLLOW_KINDS), value: z.string() });

/**
 * The statement behind the for-you feed (exported for `npm run bench:for-you`'s EXPLAIN): the
 * window's papers matching a follow (and the list filter), by trending score; mutes and the papers
 * the reader hid are tested on that order only until the page is full, and the reason only for the
 * papers shown.
 */
export function forYouQuery(userId: string, now: Date, filter: ListFilter = NO_FILTER): Prisma.Sql {
  const end = toIsoDate(now);
  const start = addDays(end, -TRENDING_DAYS);
  return Prisma.sql`
    WITH ${readerFollowsCtes(userId)},
    matched AS MATERIALIZED (
      SELECT ${FOLLOW_TEST_COLUMNS} FROM "Paper" p, follow_sets fs
      WHERE p."feedDate" > ${start}::date AND p."feedDate" <= ${end}::date AND p."hiddenAt" IS NULL AND ${MATCHES_A_FOLLOW}
        AND ${filterCondition(filter)}
      ORDER BY ${feedOrderSql("trending", now)}
    ),
    shown AS (
      SELECT p.* FROM matched p, follow_sets fs
      WHERE NOT ${MATCHES_A_MUTE}
        AND NOT EXISTS (SELECT 1 FROM "PaperHidden" h WHERE h."userId" = ${userId} AND h."paperId" = p."id")
      LIMIT ${FOR_YOU_LIMIT}
    )
    SELECT p."id", reason."kind"::text AS "kind", reason."value"
    FROM shown p CROSS JOIN LATERAL ${FIRST_MATCHING_FOLLOW} AS reason
    ORDER BY ${feedOrderSql("trending", now)}`;
}

/**
 * The reader's feed: papers of the last TRENDING_DAYS days matching any follow and no mute (and the
 * filter), not hidden by the reader, by trending score, each with the first follow it matched, in one statement.
 */
export async function getForYouPapers(db: Db, userId: string, now: Date, filter: ListFilter = NO_FILTER): Promise<ForYouPaper[]> {
  const rows = await queryRows(db, matchRow, forYouQuery(userId, now, filter));
  const papers = await db.paper.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: paperSelect });
  const byId = new Map(papers.map((paper) => [paper.id, toPaperDto(paper)]));
  return rows.flatMap((row) => {
    const paper = byId.get(row.id);
    return paper ? [{ paper, reason: { kind: row.kind, value: row.value } }] : [];
  });
}

/** Organizations with the most papers among this week's trending, to suggest following. */
export async function suggestedOrganizations(db: Db, now: Date): Promise<{ name: string; fullName: string }[]> {
  const end = toIsoDate(now);
  return queryRows(
    db,
    z.object({ name: z.string(), fullName: z.string() }),
    Prisma.sql`
      SELECT o."name", o."fullName" FROM "Paper" p JOIN "Organization" o ON o."name" = p."organizationName"
      WHERE p."feedDate" > ${addDays(end, -TRENDING_DAYS)}::date AND p."feedDate" <= ${end}::date AND p."hiddenAt" IS NULL
      GROUP BY o."name", o."fullName" ORDER BY sum(p."upstreamUpvotes" + p."localUpvotes") DESC, o."name" LIMIT 8`,
  );
}

/** The viewer's standing on one organization, author, topic or category: "follow", "mute" or null. */
export async function getViewerFollow(userId: string | undefined, kind: FollowKindName, value: string): Promise<"follow" | "mute" | null> {
  if (!userId) return null;
  const follow = await sharedDb.follow.findUnique({ where: { userId_kind_value: { userId, kind, value } }, select: { muted: true } });
  return follow ? (follow.muted ? "mute" : "follow") : null;
}
