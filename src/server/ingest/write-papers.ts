import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { PAPERS_CHANGED_CHANNEL } from "@/server/notifications";
import type { PaperRecord } from "./paper-record";

export interface WriteSummary {
  created: number;
  updated: number;
  /** Already present with the same data, or present from a later feed day (the later response wins). */
  unchanged: number;
}

const BATCH_SIZE = 500;

/**
 * Upserts papers (and their organizations) in one transaction, a few statements per 500 papers.
 * In "replace" mode a paper seen again moves to the later feed day and takes that response's
 * counts; an older response never overwrites a newer one, so files can be imported in any order.
 * In "refreshMetadata" mode existing papers only take the new title, abstract, authors and date.
 */
export type WriteMode = "replace" | "refreshMetadata";

export async function writePapers(db: Db, records: PaperRecord[], mode: WriteMode = "replace"): Promise<WriteSummary> {
  const papers = latestPerId(records);
  const summary: WriteSummary = { created: 0, updated: 0, unchanged: 0 };
  if (papers.length === 0) return summary;
  await db.$transaction(
    async (tx) => {
      for (let start = 0; start < papers.length; start += BATCH_SIZE) {
        const batch = papers.slice(start, start + BATCH_SIZE);
        await upsertOrganizations(tx, batch);
        const rows = await upsertPaperBatch(tx, batch, mode);
        const created = rows.filter((row) => row.inserted).length;
        summary.created += created;
        summary.updated += rows.length - created;
        summary.unchanged += batch.length - rows.length;
      }
      // Delivered on commit: running app instances drop their cached pages (papers-version.ts).
      if (summary.created + summary.updated > 0) await tx.$executeRaw`SELECT pg_notify(${PAPERS_CHANGED_CHANNEL}, '')`;
    },
    { timeout: 120_000 },
  );
  return summary;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function latestPerId(records: PaperRecord[]): PaperRecord[] {
  const byId = new Map<string, PaperRecord>();
  for (const record of records) {
    const seen = byId.get(record.id);
    if (!seen || record.feedDate >= seen.feedDate) byId.set(record.id, record);
  }
  return [...byId.values()];
}

async function upsertOrganizations(tx: Tx, batch: PaperRecord[]) {
  const organizations = new Map(batch.flatMap((paper) => (paper.organization ? [[paper.organization.name, paper.organization]] : [])));
  if (organizations.size === 0) return;
  const json = JSON.stringify([...organizations.values()]);
  await tx.$executeRaw`
    INSERT INTO "Organization" ("name", "fullName", "avatarUrl", "updatedAt")
    SELECT o."name", o."fullName", o."avatarUrl", now()
    FROM jsonb_to_recordset(${json}::jsonb) AS o("name" text, "fullName" text, "avatarUrl" text)
    ON CONFLICT ("name") DO UPDATE SET
      "fullName" = EXCLUDED."fullName",
      "avatarUrl" = COALESCE(EXCLUDED."avatarUrl", "Organization"."avatarUrl"),
      "updatedAt" = now()
    WHERE ("Organization"."fullName", "Organization"."avatarUrl")
      IS DISTINCT FROM (EXCLUDED."fullName", COALESCE(EXCLUDED."avatarUrl", "Organization"."avatarUrl"))`;
}

const RECORD_COLUMNS = [
  ["id", "text"],
  ["title", "text"],
  ["abstract", "text"],
  ["authors", "text[]"],
  ["publishedAt", "timestamptz"],
  ["feedDate", "date"],
  ["submittedAt", "timestamptz"],
  ["source", "text"],
  ["organizationName", "text"],
  ["submitterName", "text"],
  ["submitterFullName", "text"],
  ["submitterAvatarUrl", "text"],
  ["upstreamUpvotes", "int"],
  ["upstreamComments", "int"],
  ["githubRepo", "text"],
  ["githubStars", "int"],
  ["projectPage", "text"],
  ["thumbnailUrl", "text"],
  ["mediaUrls", "text[]"],
  ["aiSummary", "text"],
  ["aiKeywords", "text[]"],
] as const;

type Column = (typeof RECORD_COLUMNS)[number][0];

// What a newer response replaces, and what a bare arXiv lookup may refresh without wiping the
// feed day, counts and organization that Hugging Face provided.
const UPDATED_COLUMNS: Record<WriteMode, Column[]> = {
  replace: RECORD_COLUMNS.map(([name]) => name).filter((name) => name !== "id" && name !== "source"),
  refreshMetadata: ["title", "abstract", "authors", "publishedAt"],
};

const quoted = (name: string) => `"${name}"`;

async function upsertPaperBatch(tx: Tx, batch: PaperRecord[], mode: WriteMode): Promise<{ inserted: boolean }[]> {
  const json = JSON.stringify(
    batch.map((paper) => ({
      ...paper,
      organizationName: paper.organization?.name ?? null,
      submitterName: paper.submitter?.name ?? null,
      submitterFullName: paper.submitter?.fullName ?? null,
      submitterAvatarUrl: paper.submitter?.avatarUrl ?? null,
    })),
  );
  const names = RECORD_COLUMNS.map(([name]) => quoted(name)).join(", ");
  const selected = RECORD_COLUMNS.map(([name]) => (name === "source" ? `p."source"::"PaperSource"` : `p.${quoted(name)}`)).join(", ");
  const recordType = RECORD_COLUMNS.map(([name, type]) => `${quoted(name)} ${type}`).join(", ");
  const updated = UPDATED_COLUMNS[mode];
  const assignments = updated.map((name) => `${quoted(name)} = EXCLUDED.${quoted(name)}`).join(", ");
  const current = updated.map((name) => `"Paper".${quoted(name)}`).join(", ");
  const incoming = updated.map((name) => `EXCLUDED.${quoted(name)}`).join(", ");
  // `xmax = 0` is true only for freshly inserted rows. The WHERE clause skips rows that would not
  // change (so a re-import reports them unchanged) and responses older than the stored feed day.
  return tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "Paper" (${Prisma.raw(names)}, "updatedAt")
    SELECT ${Prisma.raw(selected)}, now()
    FROM jsonb_to_recordset(${json}::jsonb) AS p(${Prisma.raw(recordType)})
    ON CONFLICT ("id") DO UPDATE SET ${Prisma.raw(assignments)}, "updatedAt" = now()
    WHERE ${Prisma.raw(mode === "replace" ? `EXCLUDED."feedDate" >= "Paper"."feedDate" AND` : "")}
      (${Prisma.raw(current)}) IS DISTINCT FROM (${Prisma.raw(incoming)})
    RETURNING (xmax = 0) AS "inserted"`;
}
