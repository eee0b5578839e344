import "server-only";
import type { AuthorLinkKindName } from "@/lib/authors/author-claim";
import { commenterName } from "@/server/accounts/commenter-name";
import type { Db } from "@/server/db";

// Who is known to be whom among a paper's authors: verified on Hugging Face (imported), or here
// (a claim a moderator approved). Both are the same for every reader, so cached pages show them.

export interface AuthorMark {
  /** Their Hugging Face user name, when Hugging Face verified them. */
  hfUser: string | null;
  /** Their handle here, when a moderator approved their claim. */
  handle: string | null;
}

export interface PaperAuthorship {
  /** By author name as the paper lists it; authors nobody verified are absent. */
  marks: Map<string, AuthorMark>;
  /** Links verified authors attached. */
  links: { kind: AuthorLinkKindName; url: string }[];
}

export async function getPaperAuthorship(db: Db, paperId: string): Promise<PaperAuthorship> {
  const [hf, claims, links] = await Promise.all([
    db.verifiedAuthor.findMany({ where: { paperId }, select: { authorName: true, hfUser: true } }),
    db.authorClaim.findMany({
      where: { paperId, status: "APPROVED", user: { bannedAt: null } },
      select: { authorName: true, userId: true, user: { select: { handle: true } } },
    }),
    db.authorLink.findMany({ where: { paperId }, select: { kind: true, url: true }, orderBy: { kind: "asc" } }),
  ]);
  const marks = new Map<string, AuthorMark>();
  for (const row of hf) marks.set(row.authorName, { hfUser: row.hfUser, handle: null });
  for (const claim of claims) {
    const handle = claim.user.handle ?? commenterName(claim.userId);
    marks.set(claim.authorName, { hfUser: marks.get(claim.authorName)?.hfUser ?? null, handle });
  }
  return { marks, links };
}

/** Who an author name is known to be: their handles here (approved claims) and on Hugging Face. At most a few each. */
export async function getAuthorIdentity(db: Db, authorName: string): Promise<{ handles: string[]; hfUsers: string[] }> {
  const [claims, hf] = await Promise.all([
    db.authorClaim.findMany({
      where: { authorName, status: "APPROVED", user: { bannedAt: null, handle: { not: null } } },
      select: { user: { select: { handle: true } } },
      distinct: ["userId"],
      take: 5,
    }),
    db.verifiedAuthor.findMany({ where: { authorName }, select: { hfUser: true }, distinct: ["hfUser"], take: 5 }),
  ]);
  return { handles: claims.flatMap((claim) => (claim.user.handle ? [claim.user.handle] : [])), hfUsers: hf.map((row) => row.hfUser) };
}
