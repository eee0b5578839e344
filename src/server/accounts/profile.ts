import "server-only";
import { shorten } from "@/lib/text";
import { listPublicCollections, type CollectionSummary } from "@/server/collections/collections";
import type { Db } from "@/server/db";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";

const SHOWN = 50;

export interface PublicProfile {
  handle: string;
  joinedAt: string;
  comments: { id: string; paperId: string; paperTitle: string; excerpt: string; createdAt: string }[];
  submitted: PaperDto[];
  collections: CollectionSummary[];
  /** The author names a moderator verified this reader as. */
  authorNames: string[];
}

/** What anyone may see of an account: its handle, comments, submitted papers and public collections. Upvotes stay private. */
export async function getPublicProfile(db: Db, handle: string): Promise<PublicProfile | null> {
  const user = await db.user.findUnique({ where: { handle }, select: { id: true, handle: true, createdAt: true } });
  if (!user?.handle) return null;
  const [comments, submitted, collections, claims] = await Promise.all([
    db.comment.findMany({
      where: { userId: user.id, deletedAt: null, hiddenAt: null, paper: { hiddenAt: null } },
      orderBy: { createdAt: "desc" },
      take: SHOWN,
      select: { id: true, body: true, createdAt: true, paper: { select: { id: true, title: true } } },
    }),
    db.paper.findMany({
      where: { submittedById: user.id, hiddenAt: null },
      orderBy: { createdAt: "desc" },
      take: SHOWN,
      select: paperSelect,
    }),
    listPublicCollections(db, user.id),
    db.authorClaim.findMany({
      where: { userId: user.id, status: "APPROVED" },
      select: { authorName: true },
      distinct: ["authorName"],
      take: 10,
    }),
  ]);
  return {
    handle: user.handle,
    joinedAt: user.createdAt.toISOString(),
    comments: comments.map((comment) => ({
      id: comment.id,
      paperId: comment.paper.id,
      paperTitle: comment.paper.title,
      excerpt: shorten(comment.body, 300),
      createdAt: comment.createdAt.toISOString(),
    })),
    submitted: submitted.map(toPaperDto),
    collections,
    authorNames: claims.map((claim) => claim.authorName),
  };
}
