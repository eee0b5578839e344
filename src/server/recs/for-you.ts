import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { addDays, toIsoDate } from "@/lib/dates";
import { FOLLOW_KINDS, type FollowKindName } from "@/lib/follows";
import { NO_FILTER, type ListFilter } from "@/lib/list-filter";
import { type LinearModel, topContributions } from "@/lib/recs/linear-model";
import { bucketModel, packedMargin } from "@/lib/recs/packed";
import { rankCandidates } from "@/lib/recs/rank";
import type { ForYouReason } from "@/lib/recs/reason";
import { cosine, type SparseVector } from "@/lib/recs/vector";
import { queryRows, type Db } from "@/server/db";
import { FIRST_MATCHING_FOLLOW, MATCHES_A_FOLLOW, MATCHES_A_MUTE, readerFollowsCtes } from "@/server/follows/follow-match";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";
import { filterCondition } from "@/server/papers/list-condition";
import { VECTOR_COLUMNS, vectorColumns, vectorFromRow } from "@/server/recs/paper-vectors";
import type { ReaderModelState } from "@/server/recs/reader-model";
import { packedVectors } from "@/server/recs/vector-cache";
import { VISIT_GAP_MS } from "@/server/triage/read-state";

// For-you for a reader with a model: the window's papers they have not read, hidden or muted,
// ranked by the model (src/lib/recs/rank.ts), papers of what they follow a little higher, each
// with a reason in words: the saved papers it is closest to and the terms that matched, or the
// follow it matches.

/** Papers the page shows. */
export const LEARNED_FOR_YOU_SIZE = 50;
/** The window, and the wider one used when it holds fewer than MIN_CANDIDATES papers to rank. */
export const FOR_YOU_DAYS = 7;
export const WIDE_FOR_YOU_DAYS = 30;
const MIN_CANDIDATES = 20;
/** A followed paper's head start over the model's margin: about one strongly shared term. */
const FOLLOW_BONUS = 0.5;
/**
 * How close (cosine of the vectors) a saved paper must be to be named in a reason. Vectors of 48
 * mostly rare terms overlap little: on the demo days a theme's papers are at a median 0.04-0.08 from
 * their closest saved paper of the theme, nine in ten other papers below 0.045.
 */
const SIMILAR_AT = 0.06;

export interface LearnedForYou {
  items: { paper: PaperDto; reason: ForYouReason; score: number }[];
  /** The window ranked: FOR_YOU_DAYS, or WIDE_FOR_YOU_DAYS when the week had too few papers. */
  days: number;
  model: LinearModel;
}

const candidateRow = z.object({
  id: z.string(),
  ageDays: z.number(),
  upvotes: z.number(),
  followed: z.boolean(),
});

/** Feed days ranked: after `after`, through `through` (both `YYYY-MM-DD`). */
interface FeedDays {
  after: string;
  through: string;
}

/** What a list of candidates leaves out beside the reader's hidden, muted and earlier-read papers. */
interface Exclusions {
  paperIds?: string[];
  /** Papers a digest already sent this subscriber. */
  sentTo?: string;
}

/**
 * The window's papers this reader may be shown, with their packed vectors (every paper has one
 * after import; one that has none yet is left out until the refresh gives it one).
 */
async function candidates(db: Db, userId: string, now: Date, days: FeedDays, filter: ListFilter, exclude: Exclusions = {}) {
  // Papers read in this visit stay (dimmed), so the list does not shift under the reader as the
  // cards they look at count as read; papers read on an earlier visit are left out.
  const readBefore = new Date(now.getTime() - VISIT_GAP_MS);
  const rows = await queryRows(
    db,
    candidateRow,
    Prisma.sql`
      WITH ${readerFollowsCtes(userId)}
      SELECT p."id", (${days.through}::date - p."feedDate")::int AS "ageDays",
        (p."upstreamUpvotes" + p."localUpvotes")::int AS "upvotes", ${MATCHES_A_FOLLOW} AS "followed"
      FROM "Paper" p, follow_sets fs
      WHERE p."feedDate" > ${days.after}::date AND p."feedDate" <= ${days.through}::date AND p."hiddenAt" IS NULL
        AND ${filterCondition(filter)} AND NOT ${MATCHES_A_MUTE}
        AND p."id" <> ALL(${exclude.paperIds ?? []}::text[])
        AND NOT EXISTS (SELECT 1 FROM "PaperHidden" h WHERE h."userId" = ${userId} AND h."paperId" = p."id")
        AND NOT EXISTS (SELECT 1 FROM "PaperSeen" s WHERE s."userId" = ${userId} AND s."paperId" = p."id" AND s."seenAt" < ${readBefore})
        AND NOT EXISTS (SELECT 1 FROM "SentPaper" sp WHERE sp."subscriberId" = ${exclude.sentTo ?? null} AND sp."paperId" = p."id")`,
  );
  const vectors = await packedVectors(
    db,
    rows.map((row) => row.id),
  );
  return rows.flatMap((row) => {
    const packed = vectors.get(row.id);
    return packed ? [{ ...row, packed }] : [];
  });
}

type Candidate = Awaited<ReturnType<typeof candidates>>[number];

const shownVectorRow = z.object({ paperId: z.string(), ...vectorColumns });

/** The term texts of the papers shown, for their reasons (ranking read only the packed form). */
async function shownVectors(db: Db, paperIds: string[]): Promise<Map<string, SparseVector>> {
  const rows = await queryRows(
    db,
    shownVectorRow,
    Prisma.sql`SELECT v."paperId", ${VECTOR_COLUMNS} FROM "PaperVector" v WHERE v."paperId" = ANY(${paperIds}::text[])`,
  );
  return new Map(rows.map((row) => [row.paperId, vectorFromRow(row)]));
}

const followRow = z.object({ id: z.string(), kind: z.enum(FOLLOW_KINDS), value: z.string() });

async function matchedFollows(db: Db, userId: string, paperIds: string[]) {
  if (paperIds.length === 0) return new Map<string, { kind: FollowKindName; value: string }>();
  const rows = await queryRows(
    db,
    followRow,
    Prisma.sql`
      WITH ${readerFollowsCtes(userId)}
      SELECT p."id", reason."kind"::text AS "kind", reason."value"
      FROM "Paper" p CROSS JOIN LATERAL ${FIRST_MATCHING_FOLLOW} AS reason WHERE p."id" = ANY(${paperIds}::text[])`,
  );
  return new Map(rows.map((row) => [row.id, { kind: row.kind, value: row.value }]));
}

/** The reason a paper the reader follows nothing of is here: the saved papers closest to it, or the terms. */
function similarReason(vector: SparseVector, state: ReaderModelState, model: LinearModel) {
  const close = state.positives
    .map((positive) => ({ id: positive.paperId, similarity: cosine(positive.vector, vector) }))
    .filter((positive) => positive.similarity >= SIMILAR_AT)
    .sort((a, b) => b.similarity - a.similarity);
  return {
    count: close.length,
    closestIds: close.slice(0, 2).map(({ id }) => id),
    terms: topContributions(model, vector).filter((term) => !term.startsWith("cat:")),
  };
}

/** Ranks the window's papers with the reader's model (see the top of this file). */
export async function rankForReader(
  db: Db,
  userId: string,
  state: ReaderModelState & { model: LinearModel },
  now: Date,
  filter: ListFilter,
): Promise<LearnedForYou> {
  const end = toIsoDate(now);
  let days = FOR_YOU_DAYS;
  let rows = await candidates(db, userId, now, { after: addDays(end, -days), through: end }, filter);
  if (rows.length < MIN_CANDIDATES) {
    days = WIDE_FOR_YOU_DAYS;
    rows = await candidates(db, userId, now, { after: addDays(end, -days), through: end }, filter);
  }
  return { items: await rankAndExplain(db, userId, state, rows, LEARNED_FOR_YOU_SIZE), days, model: state.model };
}

/**
 * A digest's "For you" section: the period's papers ranked by the reader's model, leaving out
 * what this subscriber was sent before and `exclude` (the same email's trending section).
 */
export async function rankPeriodForReader(
  db: Db,
  userId: string,
  state: ReaderModelState & { model: LinearModel },
  period: { firstDay: string; lastDay: string; rankedAt: Date },
  options: { subscriberId: string; exclude: string[]; limit: number },
): Promise<LearnedForYou["items"]> {
  const rows = await candidates(db, userId, period.rankedAt, { after: addDays(period.firstDay, -1), through: period.lastDay }, NO_FILTER, {
    paperIds: options.exclude,
    sentTo: options.subscriberId,
  });
  return rankAndExplain(db, userId, state, rows, options.limit);
}

/** The candidates best first, the top `limit` with their papers and reasons. */
async function rankAndExplain(
  db: Db,
  userId: string,
  state: ReaderModelState & { model: LinearModel },
  rows: Candidate[],
  limit: number,
): Promise<LearnedForYou["items"]> {
  const model = state.model;
  const bucketed = bucketModel(model);
  const ranked = rankCandidates(rows, (row) => packedMargin(bucketed, row.packed) + (row.followed ? FOLLOW_BONUS : 0)).slice(0, limit);
  const shownIds = ranked.map(({ candidate }) => candidate.id);
  const [vectors, follows, papers] = await Promise.all([
    shownVectors(db, shownIds),
    matchedFollows(
      db,
      userId,
      ranked.filter(({ candidate }) => candidate.followed).map(({ candidate }) => candidate.id),
    ),
    db.paper.findMany({ where: { id: { in: shownIds } }, select: paperSelect }),
  ]);
  const byId = new Map(papers.map((paper) => [paper.id, toPaperDto(paper)]));
  const titles = new Map(state.positives.map((positive) => [positive.paperId, positive.title]));
  const items = ranked.flatMap(({ candidate, score }) => {
    const paper = byId.get(candidate.id);
    if (!paper) return [];
    const follow = follows.get(candidate.id);
    const found = follow ? null : similarReason(vectors.get(candidate.id) ?? { terms: [], weights: [] }, state, model);
    const reason: ForYouReason = follow
      ? { kind: "follow", followKind: follow.kind, value: follow.value }
      : found && found.count > 0
        ? {
            kind: "similar",
            count: found.count,
            closest: found.closestIds.map((id) => ({ id, title: titles.get(id) ?? id })),
            terms: found.terms,
          }
        : { kind: "terms", terms: found?.terms ?? [] };
    return [{ paper, reason, score }];
  });
  return items;
}
