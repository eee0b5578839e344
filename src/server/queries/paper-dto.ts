import type { Prisma } from "@/generated/prisma/client";

/** The fields every paper card needs; selected once so no query fetches more or less. */
export const paperCardSelect = {
  id: true,
  title: true,
  abstract: true,
  authors: true,
  publishedAt: true,
  feedDate: true,
  upstreamUpvotes: true,
  localUpvotes: true,
  upstreamComments: true,
  githubRepo: true,
  githubStars: true,
  thumbnailUrl: true,
  submitterName: true,
  submitterFullName: true,
  organization: { select: { name: true, fullName: true, avatarUrl: true } },
} satisfies Prisma.PaperSelect;

type PaperCardRow = Prisma.PaperGetPayload<{ select: typeof paperCardSelect }>;

export interface PaperCardDto {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: string;
  feedDate: string;
  /** Upstream (imported) plus local upvotes. */
  upvotes: number;
  upstreamUpvotes: number;
  localUpvotes: number;
  comments: number;
  githubRepo: string | null;
  githubStars: number | null;
  thumbnailUrl: string | null;
  submitter: { name: string; fullName: string | null } | null;
  organization: { name: string; fullName: string; avatarUrl: string | null } | null;
}

export function toPaperCardDto(row: PaperCardRow): PaperCardDto {
  return {
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    authors: row.authors,
    publishedAt: row.publishedAt.toISOString(),
    feedDate: row.feedDate.toISOString().slice(0, 10),
    upvotes: row.upstreamUpvotes + row.localUpvotes,
    upstreamUpvotes: row.upstreamUpvotes,
    localUpvotes: row.localUpvotes,
    comments: row.upstreamComments,
    githubRepo: row.githubRepo,
    githubStars: row.githubStars,
    thumbnailUrl: row.thumbnailUrl,
    submitter: row.submitterName ? { name: row.submitterName, fullName: row.submitterFullName } : null,
    organization: row.organization,
  };
}
