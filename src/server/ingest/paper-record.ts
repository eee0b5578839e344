import "server-only";
import type { Organization, Paper } from "@/generated/prisma/client";

/**
 * The Paper columns an import writes, each with the Postgres type the bulk upsert sends it as. The
 * `satisfies` ties the list to the Prisma model: a renamed column fails to compile, and a new
 * column becomes part of PaperRecord, the upsert and `blankPaperRecord` by being added here.
 */
export const IMPORTED_COLUMNS = {
  id: "text",
  title: "text",
  abstract: "text",
  authors: "text[]",
  publishedAt: "timestamptz",
  feedDate: "date",
  submittedAt: "timestamptz",
  source: "text",
  organizationName: "text",
  submitterName: "text",
  submitterFullName: "text",
  submitterAvatarUrl: "text",
  upstreamUpvotes: "int",
  upstreamComments: "int",
  githubRepo: "text",
  githubStars: "int",
  projectPage: "text",
  thumbnailUrl: "text",
  mediaUrls: "text[]",
  aiSummary: "text",
  aiKeywords: "text[]",
  categories: "text[]",
  categoriesCheckedAt: "timestamptz",
} as const satisfies Partial<Record<keyof Paper, string>>;

export type ImportedColumn = keyof typeof IMPORTED_COLUMNS;

// Sources describe the organization and the upstream submitter as objects; the writer flattens them.
type FlattenedColumn = "organizationName" | "submitterName" | "submitterFullName" | "submitterAvatarUrl";

/** A paper as an ingest source produces it, ready for `writePapers`. */
export type PaperRecord = Omit<Pick<Paper, Exclude<ImportedColumn, FlattenedColumn>>, "feedDate"> & {
  /** `YYYY-MM-DD`: the day the paper belongs to in the daily feed. */
  feedDate: string;
  organization: Pick<Organization, "name" | "fullName" | "avatarUrl"> | null;
  submitter: { name: string; fullName: string | null; avatarUrl: string | null } | null;
  /** The authors the source shows as verified, with their handle there; null when the source does not say (the stored ones stay). */
  verifiedAuthors: VerifiedAuthorRecord[] | null;
};

export interface VerifiedAuthorRecord {
  /** The name as the paper lists it. */
  name: string;
  /** Their Hugging Face user name. */
  hfUser: string;
}

type RequiredFields = Pick<PaperRecord, "id" | "title" | "abstract" | "authors" | "publishedAt" | "feedDate" | "source">;

/** What a source that does not know a paper's arXiv categories says: nothing, so the stored ones stay. */
export const CATEGORIES_UNKNOWN = { categories: [], categoriesCheckedAt: null } as const satisfies Pick<
  PaperRecord,
  "categories" | "categoriesCheckedAt"
>;

/** A record with only what every source knows; everything else empty, as a source without it has. */
export function blankPaperRecord(fields: RequiredFields): PaperRecord {
  return {
    ...fields,
    submittedAt: null,
    organization: null,
    submitter: null,
    verifiedAuthors: null,
    upstreamUpvotes: 0,
    upstreamComments: 0,
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    thumbnailUrl: null,
    mediaUrls: [],
    aiSummary: null,
    aiKeywords: [],
    ...CATEGORIES_UNKNOWN,
  };
}

/** The record as the row it becomes, keyed by column. */
export function toImportedRow(record: PaperRecord): Record<ImportedColumn, unknown> {
  const { organization, submitter, verifiedAuthors: _verified, ...columns } = record;
  return {
    ...columns,
    organizationName: organization?.name ?? null,
    submitterName: submitter?.name ?? null,
    submitterFullName: submitter?.fullName ?? null,
    submitterAvatarUrl: submitter?.avatarUrl ?? null,
  };
}
