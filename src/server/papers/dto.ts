import "server-only";
import type { Paper, Prisma } from "@/generated/prisma/client";
import { toIsoDate } from "@/lib/dates";

/** Paper columns pages, feeds and the API show as they are stored (dates as ISO strings). */
const SHOWN_COLUMNS = [
  "id",
  "title",
  "abstract",
  "authors",
  "publishedAt",
  "upstreamUpvotes",
  "localUpvotes",
  "upstreamComments",
  "localComments",
  "githubRepo",
  "githubStars",
  "projectPage",
  "thumbnailUrl",
  "mediaUrls",
  "aiSummary",
  "categories",
] as const satisfies readonly (keyof Paper)[];

type ShownColumn = (typeof SHOWN_COLUMNS)[number];

/** Every column a page, feed or API answer needs; selected once so no query fetches more or less. */
export const paperSelect = {
  ...(Object.fromEntries(SHOWN_COLUMNS.map((column) => [column, true])) as Record<ShownColumn, true>),
  aiKeywords: true,
  feedDate: true,
  submittedAt: true,
  submitterName: true,
  submitterFullName: true,
  submitterAvatarUrl: true,
  organization: { select: { name: true, fullName: true, avatarUrl: true } },
} satisfies Prisma.PaperSelect;

export type PaperRow = Prisma.PaperGetPayload<{ select: typeof paperSelect }>;

/** A row as JSON carries it: dates become ISO strings, so cached and client-side copies match. */
type Serialized<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type PaperDto = Serialized<Pick<Paper, ShownColumn>> & {
  /** The day the paper was added to the feed (`YYYY-MM-DD`). */
  feedDate: string;
  /** When it was added: the exact submission time when known, else the feed day at 00:00 UTC. */
  addedAt: string;
  /** Upstream (imported) plus local upvotes: the number cards show. */
  upvotes: number;
  /** Upstream (imported) plus local comments. */
  comments: number;
  submitter: { name: string; fullName: string | null; avatarUrl: string | null } | null;
  organization: PaperRow["organization"];
  /** Hugging Face's keywords for the paper (its `ai_keywords`), each with a page of its own. */
  keywords: string[];
};

export function toPaperDto(row: PaperRow): PaperDto {
  const shown = Object.fromEntries(
    SHOWN_COLUMNS.map((column) => {
      const value = row[column];
      return [column, value instanceof Date ? value.toISOString() : value];
    }),
  ) as Serialized<Pick<Paper, ShownColumn>>;
  return {
    ...shown,
    feedDate: toIsoDate(row.feedDate),
    addedAt: (row.submittedAt ?? row.feedDate).toISOString(),
    upvotes: row.upstreamUpvotes + row.localUpvotes,
    comments: row.upstreamComments + row.localComments,
    submitter: row.submitterName ? { name: row.submitterName, fullName: row.submitterFullName, avatarUrl: row.submitterAvatarUrl } : null,
    organization: row.organization,
    keywords: row.aiKeywords,
  };
}
