import type { Prisma } from "@/generated/prisma/client";
import { toIsoDate } from "@/lib/dates";

/** Every column a page, feed or API answer shows; selected once so no query fetches more or less. */
export const paperSelect = {
  id: true,
  title: true,
  abstract: true,
  authors: true,
  publishedAt: true,
  feedDate: true,
  submittedAt: true,
  upstreamUpvotes: true,
  localUpvotes: true,
  upstreamComments: true,
  githubRepo: true,
  githubStars: true,
  projectPage: true,
  thumbnailUrl: true,
  mediaUrls: true,
  aiSummary: true,
  aiKeywords: true,
  submitterName: true,
  submitterFullName: true,
  submitterAvatarUrl: true,
  organization: { select: { name: true, fullName: true, avatarUrl: true } },
} satisfies Prisma.PaperSelect;

export type PaperRow = Prisma.PaperGetPayload<{ select: typeof paperSelect }>;

export interface PaperDto {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  /** arXiv publication time (ISO). */
  publishedAt: string;
  /** The day the paper was added to the feed (`YYYY-MM-DD`). */
  feedDate: string;
  /** When it was added: the exact submission time when known, else the feed day at 00:00 UTC. */
  addedAt: string;
  /** Upstream (imported) plus local upvotes: the number cards show. */
  upvotes: number;
  upstreamUpvotes: number;
  localUpvotes: number;
  comments: number;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  thumbnailUrl: string | null;
  mediaUrls: string[];
  aiSummary: string | null;
  aiKeywords: string[];
  submitter: { name: string; fullName: string | null; avatarUrl: string | null } | null;
  organization: { name: string; fullName: string; avatarUrl: string | null } | null;
}

export function toPaperDto(row: PaperRow): PaperDto {
  const feedDate = toIsoDate(row.feedDate);
  return {
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    authors: row.authors,
    publishedAt: row.publishedAt.toISOString(),
    feedDate,
    addedAt: (row.submittedAt ?? row.feedDate).toISOString(),
    upvotes: row.upstreamUpvotes + row.localUpvotes,
    upstreamUpvotes: row.upstreamUpvotes,
    localUpvotes: row.localUpvotes,
    comments: row.upstreamComments,
    githubRepo: row.githubRepo,
    githubStars: row.githubStars,
    projectPage: row.projectPage,
    thumbnailUrl: row.thumbnailUrl,
    mediaUrls: row.mediaUrls,
    aiSummary: row.aiSummary,
    aiKeywords: row.aiKeywords,
    submitter: row.submitterName
      ? { name: row.submitterName, fullName: row.submitterFullName, avatarUrl: row.submitterAvatarUrl }
      : null,
    organization: row.organization,
  };
}
