import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { packedWeights, packVector } from "@/lib/recs/packed";
import { CORPUS_BUCKET, termBucket } from "@/lib/recs/term-buckets";
import { paperTermCounts, type TermSource } from "@/lib/recs/terms";
import { tfidfVector, type SparseVector } from "@/lib/recs/vector";
import { queryRows, type Db } from "@/server/db";

// Papers' tf-idf vectors (PaperVector) and the document frequencies behind them (TermFrequency).
// A paper is counted into the frequencies exactly once, in the transaction that stores its first
// vector, under one advisory lock, so concurrent imports never count a paper twice or miss one.
// Its weights use the frequencies of that moment; when the corpus has since doubled (the first
// papers of a new instance), the sync's refresh weighs them again with the frequencies of then.

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Papers vectorised per transaction. The cost is the upsert of their buckets' counts, and a
 * bigger batch shares more of them (common words are one row for all): at a million papers,
 * batches of 500 vectorised ~290 papers a second, of 5,000 several times that.
 */
const PAPERS_PER_TRANSACTION = 5000;

const bucketRow = z.object({ bucket: z.number(), papers: z.number() });

interface VectorRow extends SparseVector {
  paperId: string;
}

/** Writes vectors (new or weighed again) in one statement: the arrays travel as one JSON document. */
async function writeVectors(tx: Tx, rows: VectorRow[], corpusSize: number, now: Date): Promise<void> {
  if (rows.length === 0) return;
  // Raw: Prisma writes one row per statement; this is one upsert for the whole batch.
  await tx.$executeRaw`
    INSERT INTO "PaperVector" ("paperId", "terms", "packed", "corpusSize", "computedAt")
    SELECT r."paperId", r."terms", decode(r."packed", 'hex'), ${corpusSize}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows.map(({ paperId, terms, weights }) => ({ paperId, terms, packed: Buffer.from(packVector({ terms, weights })).toString("hex") })))}::jsonb)
      AS r("paperId" text, "terms" text[], "packed" text)
    ON CONFLICT ("paperId") DO UPDATE SET "terms" = excluded."terms", "packed" = excluded."packed",
      "corpusSize" = excluded."corpusSize", "computedAt" = excluded."computedAt"`;
}

/** A paper's term counts, computed once for both its bucket counts and its weights. */
interface CountedPaper {
  id: string;
  counts: Map<string, number>;
}

const counted = (papers: (TermSource & { id: string })[]): CountedPaper[] =>
  papers.map((paper) => ({ id: paper.id, counts: paperTermCounts(paper) }));

function vectorsOf(papers: CountedPaper[], frequencies: Map<number, number>, corpusSize: number): VectorRow[] {
  return papers.map((paper) => ({
    paperId: paper.id,
    ...tfidfVector(paper.counts, (term) => frequencies.get(termBucket(term)) ?? 1, corpusSize),
  }));
}

const paperText = { id: true, title: true, abstract: true, categories: true } as const;

async function lockVectors(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('paper-vectors', 0))`;
}

/**
 * Vectorises the papers among `paperIds` that have no vector yet, counting each into the document
 * frequencies. Answers how many it vectorised. Safe to repeat and to run concurrently.
 */
export async function storePaperVectors(db: Db, paperIds: readonly string[], now: Date): Promise<number> {
  let stored = 0;
  for (let start = 0; start < paperIds.length; start += PAPERS_PER_TRANSACTION) {
    const ids = paperIds.slice(start, start + PAPERS_PER_TRANSACTION);
    stored += await db.$transaction(async (tx) => {
      await lockVectors(tx);
      const papers = counted(await tx.paper.findMany({ where: { id: { in: ids }, vector: null }, select: paperText }));
      if (papers.length === 0) return 0;
      const increments = new Map<number, number>([[CORPUS_BUCKET, papers.length]]);
      for (const paper of papers) {
        for (const bucket of new Set([...paper.counts.keys()].map(termBucket))) increments.set(bucket, (increments.get(bucket) ?? 0) + 1);
      }
      // Raw: one upsert adds every bucket's count and answers the new totals the weights need.
      const totals = await queryRows(
        tx,
        bucketRow,
        Prisma.sql`
          INSERT INTO "TermFrequency" ("bucket", "papers")
          SELECT * FROM unnest(${[...increments.keys()]}::int[], ${[...increments.values()]}::int[])
          ON CONFLICT ("bucket") DO UPDATE SET "papers" = "TermFrequency"."papers" + excluded."papers"
          RETURNING "bucket", "papers"`,
      );
      const frequencies = new Map(totals.map((row) => [row.bucket, row.papers]));
      const corpusSize = frequencies.get(CORPUS_BUCKET)!;
      await writeVectors(tx, vectorsOf(papers, frequencies, corpusSize), corpusSize, now);
      return papers.length;
    });
  }
  return stored;
}

/** Weighs these papers' stored vectors again with today's document frequencies (their counts are already in). */
export async function reweighPaperVectors(db: Db, paperIds: readonly string[], now: Date): Promise<number> {
  if (paperIds.length === 0) return 0;
  return db.$transaction(async (tx) => {
    await lockVectors(tx);
    const papers = counted(await tx.paper.findMany({ where: { id: { in: [...paperIds] }, vector: { isNot: null } }, select: paperText }));
    const buckets = new Set([CORPUS_BUCKET]);
    for (const paper of papers) for (const term of paper.counts.keys()) buckets.add(termBucket(term));
    const rows = await queryRows(
      tx,
      bucketRow,
      Prisma.sql`SELECT "bucket", "papers" FROM "TermFrequency" WHERE "bucket" = ANY(${[...buckets]}::int[])`,
    );
    const frequencies = new Map(rows.map((row) => [row.bucket, row.papers]));
    const corpusSize = frequencies.get(CORPUS_BUCKET) ?? papers.length;
    await writeVectors(tx, vectorsOf(papers, frequencies, corpusSize), corpusSize, now);
    return papers.length;
  });
}

/** The number of papers with a vector (the idf's corpus size). */
export async function vectorCorpusSize(db: Db): Promise<number> {
  return (await db.termFrequency.findUnique({ where: { bucket: CORPUS_BUCKET } }))?.papers ?? 0;
}

/**
 * A stored vector's columns for queries that read many: the terms as one tab-joined string
 * (node-postgres parses a text[] element by element, several times slower) and the packed bytes.
 * Terms never hold a tab (src/lib/recs/terms.ts keeps letters, digits, - and ' and single spaces).
 * Needs `v` for "PaperVector" in FROM.
 */
export const VECTOR_COLUMNS = Prisma.sql`array_to_string(v."terms", E'\t') AS "terms", v."packed"`;

export const vectorColumns = { terms: z.string(), packed: z.instanceof(Uint8Array) };

/** The vector of a row selected with VECTOR_COLUMNS. */
export function vectorFromRow(row: { terms: string; packed: Uint8Array }): SparseVector {
  if (row.terms === "") return { terms: [], weights: [] };
  return { terms: row.terms.split("\t"), weights: packedWeights(row.packed) };
}
