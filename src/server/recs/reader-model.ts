import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { addDays, toIsoDate } from "@/lib/dates";
import type { LinearModel } from "@/lib/recs/linear-model";
import { trainReaderModel } from "@/lib/recs/reader-training";
import type { SparseVector } from "@/lib/recs/vector";
import { queryRows, type Db } from "@/server/db";
import { VECTOR_COLUMNS, vectorColumns, vectorFromRow } from "@/server/recs/paper-vectors";

// A reader's for-you model: trained from their signals (src/lib/recs/reader-training.ts) and kept
// in ReaderModel with a signature of the signals it saw. It is trained again when it is next
// needed (for-you, the private feed, the digest) and the signals have changed since; training is a
// few milliseconds of arithmetic on at most a few hundred stored vectors, so no queue is needed,
// and two requests training at once store the same model.

/** Each kind of signal learned from, newest first: a year of a heavy reader's saves. */
const SIGNALS_PER_KIND = 300;
/** The instance's recent papers sampled as "the rest" (beside what the reader saw and skipped). */
const BACKGROUND_SAMPLE = 200;
const BACKGROUND_DAYS = 30;

const signalRow = z.object({
  paperId: z.string(),
  kind: z.enum(["positive", "hidden", "less", "seen", "background"]),
  /** Positives only, for the reasons that name them. */
  title: z.string().nullable(),
  ...vectorColumns,
});

export interface ReaderModelState {
  model: LinearModel | null;
  /** The papers it learns from as positives (saved and upvoted), newest first, for "Why". */
  positives: { paperId: string; title: string; vector: SparseVector }[];
  trainedAt: Date | null;
  paused: boolean;
}

/** The reader's signals since `since` (their reset), with the stored vectors of their papers. */
async function readerSignals(db: Db, userId: string, since: Date, now: Date) {
  const recent = addDays(toIsoDate(now), -BACKGROUND_DAYS);
  // Raw: every kind of signal and its vectors in one round trip; each part reads the reader's own
  // rows by their primary key or a bounded stretch of recent days, never a whole table.
  const rows = await queryRows(
    db,
    signalRow,
    Prisma.sql`
      WITH signals AS (
        (SELECT "paperId", 'positive' AS kind, "createdAt" AS at FROM "SavedPaper"
          WHERE "userId" = ${userId} AND "createdAt" > ${since} ORDER BY "createdAt" DESC LIMIT ${SIGNALS_PER_KIND})
        UNION ALL
        (SELECT "paperId", 'positive', "createdAt" FROM "Upvote"
          WHERE "userId" = ${userId} AND "createdAt" > ${since} ORDER BY "createdAt" DESC LIMIT ${SIGNALS_PER_KIND})
        UNION ALL
        (SELECT "paperId", CASE WHEN "lessLikeThis" THEN 'less' ELSE 'hidden' END, "hiddenAt" FROM "PaperHidden"
          WHERE "userId" = ${userId} AND "hiddenAt" > ${since} ORDER BY "hiddenAt" DESC LIMIT ${SIGNALS_PER_KIND})
        UNION ALL
        (SELECT "paperId", 'seen', "seenAt" FROM "PaperSeen"
          WHERE "userId" = ${userId} AND "seenAt" > ${since} ORDER BY "paperId" DESC LIMIT ${SIGNALS_PER_KIND})
        UNION ALL
        (SELECT "id", 'background', NULL FROM "Paper"
          WHERE "feedDate" > ${recent}::date AND "hiddenAt" IS NULL AND hashtextextended("id", 0) % 10 = 0
          ORDER BY "feedDate" DESC, "id" LIMIT ${BACKGROUND_SAMPLE})
      )
      SELECT s."paperId", s.kind, ${VECTOR_COLUMNS}, kept."title"
      FROM signals s JOIN "PaperVector" v ON v."paperId" = s."paperId"
        LEFT JOIN "Paper" kept ON s.kind = 'positive' AND kept."id" = s."paperId"
      ORDER BY s.at DESC NULLS LAST, s."paperId"`,
  );
  const kept = new Set(rows.filter((row) => row.kind === "positive").map((row) => row.paperId));
  // A paper saved and also seen or sampled counts once, as kept.
  const papersOf = (kinds: string[]) => {
    const taken = new Set<string>();
    const papers: { paperId: string; title: string; vector: SparseVector }[] = [];
    for (const row of rows) {
      if (!kinds.includes(row.kind) || taken.has(row.paperId) || (row.kind !== "positive" && kept.has(row.paperId))) continue;
      taken.add(row.paperId);
      papers.push({ paperId: row.paperId, title: row.title ?? row.paperId, vector: vectorFromRow(row) });
    }
    return papers;
  };
  const vectorsOf = (kinds: string[]) => papersOf(kinds).map((paper) => paper.vector);
  const positives = papersOf(["positive"]);
  return {
    positives,
    signals: {
      positives: positives.map((paper) => paper.vector),
      hidden: vectorsOf(["hidden"]),
      lessLikeThis: vectorsOf(["less"]),
      background: vectorsOf(["seen", "background"]),
    },
  };
}

const signatureRow = z.object({ signature: z.string() });

/**
 * What the model was trained from, in a string: the count and latest time of each kind of signal
 * and the reset. Deleting a save changes the count, so the model follows it too.
 */
async function signalsSignature(db: Db, userId: string, since: Date): Promise<string> {
  const [row] = await queryRows(
    db,
    signatureRow,
    Prisma.sql`
      SELECT concat_ws('|', ${since.toISOString()}::text,
        (SELECT count(*) || '@' || coalesce(max("createdAt")::text, '') FROM "SavedPaper" WHERE "userId" = ${userId} AND "createdAt" > ${since}),
        (SELECT count(*) || '@' || coalesce(max("createdAt")::text, '') FROM "Upvote" WHERE "userId" = ${userId} AND "createdAt" > ${since}),
        (SELECT count(*) || '@' || coalesce(max("hiddenAt")::text, '') || '@' || count(*) FILTER (WHERE "lessLikeThis")
          FROM "PaperHidden" WHERE "userId" = ${userId} AND "hiddenAt" > ${since})
      ) AS signature`,
  );
  return row!.signature;
}

const EPOCH = new Date(0);

const storedModelRow = z.object({
  recsPausedAt: z.date().nullable(),
  recsResetAt: z.date().nullable(),
  // Null without a stored model (LEFT JOIN).
  bias: z.number().nullable(),
  terms: z.string().nullable(),
  weights: z.string().nullable(),
  signature: z.string().nullable(),
  trainedAt: z.date().nullable(),
});

/**
 * The reader's settings and stored model in one round trip. Raw: the model's up to 2,000 terms and
 * weights travel as two joined strings, which node-postgres does not parse element by element.
 */
async function storedModel(db: Db, userId: string) {
  const [row] = await queryRows(
    db,
    storedModelRow,
    Prisma.sql`
      SELECT u."recsPausedAt", u."recsResetAt", m."bias", array_to_string(m."terms", E'\t') AS "terms",
        array_to_string(m."weights", ',') AS "weights", m."signature", m."trainedAt"
      FROM "User" u LEFT JOIN "ReaderModel" m ON m."userId" = u."id" WHERE u."id" = ${userId}`,
  );
  let model: LinearModel | null = null;
  // A stored model without terms: the reader had too few positives when it was trained.
  if (row?.terms && row.weights !== null && row.bias !== null) {
    const weights = row.weights.split(",").map(Number);
    model = { bias: row.bias, weights: new Map(row.terms.split("\t").map((term, index) => [term, weights[index]!])) };
  }
  return {
    paused: row?.recsPausedAt != null,
    since: row?.recsResetAt ?? EPOCH,
    model,
    signature: row?.signature ?? null,
    trainedAt: row?.trainedAt ?? null,
  };
}

/**
 * The reader's model, trained again first when their signals changed since it was stored (unless
 * they paused learning), with the positives it learns from. Null model: fewer than MIN_POSITIVES.
 */
export async function getReaderModel(db: Db, userId: string, now: Date): Promise<ReaderModelState> {
  const stored = await storedModel(db, userId);
  const { paused, since } = stored;
  const [signature, { positives, signals }] = await Promise.all([
    paused ? null : signalsSignature(db, userId, since),
    readerSignals(db, userId, since, now),
  ]);
  if (signature === null || stored.signature === signature) return { model: stored.model, positives, trainedAt: stored.trainedAt, paused };
  const model = trainReaderModel(signals);
  const terms = model ? [...model.weights.keys()] : [];
  const weights = model ? [...model.weights.values()] : [];
  // Raw: the arrays go as two parameters; Prisma's upsert took ~90 ms for 2,000 of each.
  await db.$executeRaw`
    INSERT INTO "ReaderModel" ("userId", "bias", "terms", "weights", "positives", "signature", "trainedAt")
    VALUES (${userId}, ${model?.bias ?? 0}, ${terms}::text[], ${weights}::real[], ${signals.positives.length}, ${signature}, ${now})
    ON CONFLICT ("userId") DO UPDATE SET "bias" = excluded."bias", "terms" = excluded."terms", "weights" = excluded."weights",
      "positives" = excluded."positives", "signature" = excluded."signature", "trainedAt" = excluded."trainedAt"`;
  return { model, positives, trainedAt: now, paused };
}

/** Forgets what was learned: the model goes, and signals from before now are not learned from again. */
export async function resetReaderModel(db: Db, userId: string, now: Date): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { recsResetAt: now } }),
    db.readerModel.deleteMany({ where: { userId } }),
  ]);
}

/** Pauses or resumes learning: while paused the model stays as it is. */
export async function setLearningPaused(db: Db, userId: string, paused: boolean, now: Date): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { recsPausedAt: paused ? now : null } });
}
