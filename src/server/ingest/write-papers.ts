import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { pagesChanged } from "@/server/changes/pages-changed";
import { queryRows, type Db } from "@/server/db";
import { IMPORTED_COLUMNS, toImportedRow, type ImportedColumn, type PaperRecord } from "@/server/ingest/paper-record";

export interface WriteSummary {
  created: number;
  updated: number;
  /** Already present with the same data, or present from a later feed day (the later response wins). */
  unchanged: number;
  /** Ids of the papers created, in the order of the records. */
  createdIds: string[];
}

export const nothingWritten = (): WriteSummary => ({ created: 0, updated: 0, unchanged: 0, createdIds: [] });

const BATCH_SIZE = 500;

/**
 * In "replace" mode a paper seen again moves to the later feed day and takes that response's
 * counts; an older response never overwrites a newer one, so files can be imported in any order.
 * In "refreshMetadata" mode existing papers only take the new title, abstract, authors and date.
 */
export type WriteMode = "replace" | "refreshMetadata";

/** Upserts papers (and their organizations) in one transaction, a few statements per 500 papers. */
export async function writePapers(db: Db, records: PaperRecord[], mode: WriteMode = "replace"): Promise<WriteSummary> {
  const papers = latestPerId(records);
  const summary = nothingWritten();
  if (papers.length === 0) return summary;
  await db.$transaction(
    async (tx) => {
      for (let start = 0; start < papers.length; start += BATCH_SIZE) {
        const batch = papers.slice(start, start + BATCH_SIZE);
        await upsertOrganizations(tx, batch);
        const rows = await upsertPaperBatch(tx, batch, mode);
        await replaceVerifiedAuthors(tx, batch);
        const created = rows.filter((row) => row.inserted).map((row) => row.id);
        summary.created += created.length;
        summary.createdIds.push(...created);
        summary.updated += rows.length - created.length;
        summary.unchanged += batch.length - rows.length;
      }
      if (summary.created + summary.updated > 0) await pagesChanged({ from: "job", papers: "changed", db: tx });
    },
    { timeout: 120_000 },
  );
  return summary;
}

/**
 * The verified authors of each paper whose source says who they are: the source's list replaces the
 * stored one (an author may withdraw a claim). Raw: one DELETE and one INSERT per batch.
 */
async function replaceVerifiedAuthors(tx: Prisma.TransactionClient, batch: PaperRecord[]) {
  const known = batch.filter((paper) => paper.verifiedAuthors !== null);
  if (known.length === 0) return;
  const rows = JSON.stringify(
    known.flatMap((paper) => (paper.verifiedAuthors ?? []).map(({ name, hfUser }) => ({ paperId: paper.id, name, hfUser }))),
  );
  await tx.$executeRaw`DELETE FROM "VerifiedAuthor" WHERE "paperId" = ANY(${known.map((paper) => paper.id)}::text[])`;
  await tx.$executeRaw`
    INSERT INTO "VerifiedAuthor" ("paperId", "authorName", "hfUser")
    SELECT v."paperId", v."name", v."hfUser" FROM jsonb_to_recordset(${rows}::jsonb) AS v("paperId" text, "name" text, "hfUser" text)
    ON CONFLICT DO NOTHING`;
}

function latestPerId(records: PaperRecord[]): PaperRecord[] {
  const byId = new Map<string, PaperRecord>();
  for (const record of records) {
    const seen = byId.get(record.id);
    if (!seen || record.feedDate >= seen.feedDate) byId.set(record.id, record);
  }
  return [...byId.values()];
}

async function upsertOrganizations(tx: Prisma.TransactionClient, batch: PaperRecord[]) {
  // Per organization, the values of the newest answer in the batch, dated by that answer's feed day.
  const newest = new Map<string, NonNullable<PaperRecord["organization"]> & { asOf: string }>();
  for (const paper of batch) {
    if (!paper.organization) continue;
    const seen = newest.get(paper.organization.name);
    if (!seen || paper.feedDate >= seen.asOf) newest.set(paper.organization.name, { ...paper.organization, asOf: paper.feedDate });
  }
  if (newest.size === 0) return;
  const json = JSON.stringify([...newest.values()]);
  // Raw: one set-based statement per batch. Like papers, an organization takes the name and
  // avatar of the newest answer (by its own feed day), whatever order files are imported in; an
  // older answer only fills in an avatar that is still missing.
  await tx.$executeRaw`
    INSERT INTO "Organization" ("name", "fullName", "avatarUrl", "asOf", "updatedAt")
    SELECT o."name", o."fullName", o."avatarUrl", o."asOf", now()
    FROM jsonb_to_recordset(${json}::jsonb) AS o("name" text, "fullName" text, "avatarUrl" text, "asOf" date)
    ON CONFLICT ("name") DO UPDATE SET
      "fullName" = CASE WHEN ${IS_NEWER} THEN EXCLUDED."fullName" ELSE "Organization"."fullName" END,
      "avatarUrl" = CASE WHEN ${IS_NEWER} THEN COALESCE(EXCLUDED."avatarUrl", "Organization"."avatarUrl")
                         ELSE COALESCE("Organization"."avatarUrl", EXCLUDED."avatarUrl") END,
      "asOf" = GREATEST(EXCLUDED."asOf", "Organization"."asOf"),
      "updatedAt" = now()
    WHERE ("Organization"."fullName", "Organization"."avatarUrl", "Organization"."asOf")
      IS DISTINCT FROM (
        CASE WHEN ${IS_NEWER} THEN EXCLUDED."fullName" ELSE "Organization"."fullName" END,
        CASE WHEN ${IS_NEWER} THEN COALESCE(EXCLUDED."avatarUrl", "Organization"."avatarUrl")
             ELSE COALESCE("Organization"."avatarUrl", EXCLUDED."avatarUrl") END,
        GREATEST(EXCLUDED."asOf", "Organization"."asOf"))`;
}

const IS_NEWER = Prisma.raw(`("Organization"."asOf" IS NULL OR EXCLUDED."asOf" >= "Organization"."asOf")`);

const COLUMNS = Object.keys(IMPORTED_COLUMNS) as ImportedColumn[];

const CATEGORY_COLUMNS: ImportedColumn[] = ["categories", "categoriesCheckedAt"];

// What a newer response replaces, and what a bare arXiv lookup may refresh without wiping the
// feed day, counts and organization that Hugging Face provided. The categories follow a rule of
// their own, in both modes (below).
const UPDATED_COLUMNS: Record<WriteMode, ImportedColumn[]> = {
  replace: COLUMNS.filter((name) => name !== "id" && name !== "source" && !CATEGORY_COLUMNS.includes(name)),
  refreshMetadata: ["title", "abstract", "authors", "publishedAt"],
};

// A record whose source asked arXiv (categoriesCheckedAt set) brings the categories; any other
// record keeps the stored ones, so an hourly Hugging Face refresh never wipes what arXiv said.
// The row counts as changed when the lookup brings other categories or the first answer.
const LOOKED_UP = `EXCLUDED."categoriesCheckedAt" IS NOT NULL`;
const CATEGORY_ASSIGNMENTS = `"categories" = CASE WHEN ${LOOKED_UP} THEN EXCLUDED."categories" ELSE "Paper"."categories" END,
  "categoriesCheckedAt" = COALESCE(EXCLUDED."categoriesCheckedAt", "Paper"."categoriesCheckedAt")`;
const CATEGORIES_CHANGED = `(${LOOKED_UP} AND ("Paper"."categoriesCheckedAt" IS NULL OR "Paper"."categories" IS DISTINCT FROM EXCLUDED."categories"))`;

const quoted = (name: string) => `"${name}"`;
const writtenRow = z.object({ id: z.string(), inserted: z.boolean() });

async function upsertPaperBatch(tx: Prisma.TransactionClient, batch: PaperRecord[], mode: WriteMode) {
  const json = JSON.stringify(batch.map(toImportedRow));
  const names = COLUMNS.map(quoted).join(", ");
  const selected = COLUMNS.map((name) => (name === "source" ? `p."source"::"PaperSource"` : `p.${quoted(name)}`)).join(", ");
  const recordType = COLUMNS.map((name) => `${quoted(name)} ${IMPORTED_COLUMNS[name]}`).join(", ");
  const updated = UPDATED_COLUMNS[mode];
  const assignments = updated.map((name) => `${quoted(name)} = EXCLUDED.${quoted(name)}`).join(", ");
  const current = updated.map((name) => `"Paper".${quoted(name)}`).join(", ");
  const incoming = updated.map((name) => `EXCLUDED.${quoted(name)}`).join(", ");
  // Raw: a set-based upsert whose update is conditional. `xmax = 0` is true only for freshly
  // inserted rows; the WHERE clause skips rows that would not change (so a re-import reports them
  // unchanged) and responses older than the stored feed day.
  return queryRows(
    tx,
    writtenRow,
    Prisma.sql`
      INSERT INTO "Paper" (${Prisma.raw(names)}, "updatedAt")
      SELECT ${Prisma.raw(selected)}, now()
      FROM jsonb_to_recordset(${json}::jsonb) AS p(${Prisma.raw(recordType)})
      ON CONFLICT ("id") DO UPDATE SET ${Prisma.raw(assignments)}, ${Prisma.raw(CATEGORY_ASSIGNMENTS)}, "updatedAt" = now()
      WHERE ${Prisma.raw(mode === "replace" ? `EXCLUDED."feedDate" >= "Paper"."feedDate" AND` : "")}
        ((${Prisma.raw(current)}) IS DISTINCT FROM (${Prisma.raw(incoming)}) OR ${Prisma.raw(CATEGORIES_CHANGED)})
      RETURNING "id", (xmax = 0) AS "inserted"`,
  );
}
