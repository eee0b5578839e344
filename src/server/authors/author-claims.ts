import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { authorClaimSchema, authorLinkSchema, claimEvidence } from "@/lib/authors/author-claim";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import { parseFormOrThrow } from "@/server/http/errors";

// Claims by readers to be one of a paper's authors. A moderator approves or rejects each on /admin
// (src/server/moderation/moderate.ts); an approved claim links the author's page to the reader's
// profile, badges their comments on the paper and lets them attach code and a project page.

/** Undecided claims a reader may have at once: a real author claims a handful, a spammer is stopped here. */
export const MAX_PENDING_CLAIMS = 10;
/** Claims the console lists. */
const QUEUE_SIZE = 50;

export async function claimAuthorship(db: Db, userId: string, input: unknown): Promise<void> {
  const { paperId, authorName, orcid } = parseFormOrThrow(authorClaimSchema, input);
  const paper = await db.paper.findFirst({
    where: { id: paperId, hiddenAt: null },
    select: { authors: true, organization: { select: { name: true, fullName: true } } },
  });
  if (!paper) throw new AppError("NOT_FOUND", `There is no paper ${paperId} here.`);
  if (!paper.authors.includes(authorName)) {
    throw new AppError("BAD_REQUEST", "Choose your name as the paper lists it.", {
      fields: { authorName: "Choose your name as the paper lists it." },
    });
  }
  const [user, pending] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }),
    db.authorClaim.count({ where: { userId, status: "PENDING" } }),
  ]);
  if (pending >= MAX_PENDING_CLAIMS) {
    throw new AppError("CONFLICT", `You have ${MAX_PENDING_CLAIMS} claims waiting for a moderator; claim more once they are decided.`);
  }
  const taken = await db.authorClaim.findFirst({ where: { paperId, authorName, status: "APPROVED" }, select: { userId: true } });
  if (taken) {
    throw new AppError(
      "CONFLICT",
      taken.userId === userId
        ? "You are already this paper's verified author."
        : "Another reader is already verified as this author; if that is wrong, report the paper.",
    );
  }
  try {
    await db.authorClaim.create({
      data: { userId, paperId, authorName, orcid, evidence: claimEvidence(user.email, paper.organization, orcid) },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "You have already claimed this; a moderator will decide.");
    }
    throw error;
  }
}

export interface PendingClaim {
  id: string;
  paperId: string;
  paperTitle: string;
  authorName: string;
  claimant: string;
  orcid: string | null;
  evidence: string;
  createdAt: Date;
}

/** The oldest undecided claims first, for the console. */
export async function listPendingClaims(db: Db): Promise<PendingClaim[]> {
  const rows = await db.authorClaim.findMany({
    where: { status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: QUEUE_SIZE,
    select: {
      id: true,
      paperId: true,
      authorName: true,
      orcid: true,
      evidence: true,
      createdAt: true,
      paper: { select: { title: true } },
      user: { select: { email: true, handle: true } },
    },
  });
  return rows.map(({ paper, user, ...claim }) => ({
    ...claim,
    paperTitle: paper.title,
    claimant: user.handle ?? user.email ?? "an account",
  }));
}

/** The reader's own claims on a paper, for its page: what they may claim and what they wait for. */
export async function readerClaims(db: Db, userId: string, paperId: string) {
  return db.authorClaim.findMany({ where: { userId, paperId }, select: { authorName: true, status: true }, orderBy: { createdAt: "asc" } });
}

/** Sets or clears the code or project link of a paper the reader is a verified author of. */
export async function setAuthorLink(db: Db, userId: string, input: unknown): Promise<void> {
  const { paperId, kind, url } = parseFormOrThrow(authorLinkSchema, input);
  const verified = await db.authorClaim.count({ where: { userId, paperId, status: "APPROVED" } });
  if (!verified) throw new AppError("FORBIDDEN", "Only the paper's verified authors can add its links.");
  if (!url) {
    await db.authorLink.deleteMany({ where: { paperId, kind } });
    return;
  }
  await db.authorLink.upsert({
    where: { paperId_kind: { paperId, kind } },
    create: { paperId, kind, url, userId },
    update: { url, userId, createdAt: new Date() },
  });
}
