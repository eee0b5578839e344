import type { Db } from "@/server/db";
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
 * A paper seen again moves to the later feed day and takes that response's counts; an older
 * response never overwrites a newer one, so files can be imported in any order.
 */
export async function writePapers(db: Db, records: PaperRecord[]): Promise<WriteSummary> {
  const papers = latestPerId(records);
  const summary: WriteSummary = { created: 0, updated: 0, unchanged: 0 };
  if (papers.length === 0) return summary;
  await db.$transaction(
    async (tx) => {
      for (let start = 0; start < papers.length; start += BATCH_SIZE) {
        const batch = papers.slice(start, start + BATCH_SIZE);
        await upsertOrganizations(tx, batch);
        const rows = await upsertPaperBatch(tx, batch);
        const created = rows.filter((row) => row.inserted).length;
        summary.created += created;
        summary.updated += rows.length - created;
        summary.unchanged += batch.length - rows.length;
      }
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

async function upsertPaperBatch(tx: Tx, batch: PaperRecord[]): Promise<{ inserted: boolean }[]> {
  const json = JSON.stringify(
    batch.map((paper) => ({
      ...paper,
      organizationName: paper.organization?.name ?? null,
      submitterName: paper.submitter?.name ?? null,
      submitterFullName: paper.submitter?.fullName ?? null,
      submitterAvatarUrl: paper.submitter?.avatarUrl ?? null,
    })),
  );
  // `xmax = 0` is true only for freshly inserted rows. The WHERE clause skips rows that would not
  // change (so a re-import reports them unchanged) and responses older than the stored feed day.
  return tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "Paper" (
      "id", "title", "abstract", "authors", "publishedAt", "feedDate", "submittedAt", "source",
      "organizationName", "submitterName", "submitterFullName", "submitterAvatarUrl",
      "upstreamUpvotes", "upstreamComments", "githubRepo", "githubStars", "projectPage",
      "thumbnailUrl", "mediaUrls", "aiSummary", "aiKeywords", "updatedAt"
    )
    SELECT
      p."id", p."title", p."abstract", p."authors", p."publishedAt", p."feedDate", p."submittedAt",
      p."source"::"PaperSource", p."organizationName", p."submitterName", p."submitterFullName",
      p."submitterAvatarUrl", p."upstreamUpvotes", p."upstreamComments", p."githubRepo",
      p."githubStars", p."projectPage", p."thumbnailUrl", p."mediaUrls", p."aiSummary",
      p."aiKeywords", now()
    FROM jsonb_to_recordset(${json}::jsonb) AS p(
      "id" text, "title" text, "abstract" text, "authors" text[], "publishedAt" timestamptz,
      "feedDate" date, "submittedAt" timestamptz, "source" text, "organizationName" text,
      "submitterName" text, "submitterFullName" text, "submitterAvatarUrl" text,
      "upstreamUpvotes" int, "upstreamComments" int, "githubRepo" text, "githubStars" int,
      "projectPage" text, "thumbnailUrl" text, "mediaUrls" text[], "aiSummary" text, "aiKeywords" text[]
    )
    ON CONFLICT ("id") DO UPDATE SET
      "title" = EXCLUDED."title",
      "abstract" = EXCLUDED."abstract",
      "authors" = EXCLUDED."authors",
      "publishedAt" = EXCLUDED."publishedAt",
      "feedDate" = EXCLUDED."feedDate",
      "submittedAt" = EXCLUDED."submittedAt",
      "organizationName" = EXCLUDED."organizationName",
      "submitterName" = EXCLUDED."submitterName",
      "submitterFullName" = EXCLUDED."submitterFullName",
      "submitterAvatarUrl" = EXCLUDED."submitterAvatarUrl",
      "upstreamUpvotes" = EXCLUDED."upstreamUpvotes",
      "upstreamComments" = EXCLUDED."upstreamComments",
      "githubRepo" = EXCLUDED."githubRepo",
      "githubStars" = EXCLUDED."githubStars",
      "projectPage" = EXCLUDED."projectPage",
      "thumbnailUrl" = EXCLUDED."thumbnailUrl",
      "mediaUrls" = EXCLUDED."mediaUrls",
      "aiSummary" = EXCLUDED."aiSummary",
      "aiKeywords" = EXCLUDED."aiKeywords",
      "updatedAt" = now()
    WHERE EXCLUDED."feedDate" >= "Paper"."feedDate"
      AND (
        "Paper"."title", "Paper"."abstract", "Paper"."authors", "Paper"."publishedAt",
        "Paper"."feedDate", "Paper"."submittedAt", "Paper"."organizationName", "Paper"."submitterName",
        "Paper"."submitterFullName", "Paper"."submitterAvatarUrl", "Paper"."upstreamUpvotes",
        "Paper"."upstreamComments", "Paper"."githubRepo", "Paper"."githubStars", "Paper"."projectPage",
        "Paper"."thumbnailUrl", "Paper"."mediaUrls", "Paper"."aiSummary", "Paper"."aiKeywords"
      ) IS DISTINCT FROM (
        EXCLUDED."title", EXCLUDED."abstract", EXCLUDED."authors", EXCLUDED."publishedAt",
        EXCLUDED."feedDate", EXCLUDED."submittedAt", EXCLUDED."organizationName", EXCLUDED."submitterName",
        EXCLUDED."submitterFullName", EXCLUDED."submitterAvatarUrl", EXCLUDED."upstreamUpvotes",
        EXCLUDED."upstreamComments", EXCLUDED."githubRepo", EXCLUDED."githubStars", EXCLUDED."projectPage",
        EXCLUDED."thumbnailUrl", EXCLUDED."mediaUrls", EXCLUDED."aiSummary", EXCLUDED."aiKeywords"
      )
    RETURNING (xmax = 0) AS "inserted"`;
}
