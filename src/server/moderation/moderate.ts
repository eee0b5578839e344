import "server-only";
import { AppError } from "@/lib/errors";
import type { ModerationRequest } from "@/lib/moderation";
import { ensureHandle } from "@/server/accounts/handle";
import type { Db } from "@/server/db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function notFound(what: string): never {
  throw new AppError("NOT_FOUND", `There is no ${what}.`);
}

async function setPaperHidden(tx: Tx, id: string, hidden: boolean, now: Date) {
  const { count } = await tx.paper.updateMany({ where: { id }, data: { hiddenAt: hidden ? now : null } });
  if (count === 0) notFound(`paper ${id}`);
  if (hidden) await tx.report.updateMany({ where: { paperId: id, resolvedAt: null }, data: { resolvedAt: now } });
}

// The paper's comment count leaves hidden comments out, so it moves with them.
async function setCommentHidden(tx: Tx, id: string, hidden: boolean, now: Date) {
  const comment = await tx.comment.findUnique({ where: { id }, select: { paperId: true, hiddenAt: true, deletedAt: true } });
  if (!comment) notFound(`comment ${id}`);
  if (hidden === (comment.hiddenAt !== null)) return;
  await tx.comment.update({ where: { id }, data: { hiddenAt: hidden ? now : null } });
  if (!comment.deletedAt) {
    await tx.paper.update({ where: { id: comment.paperId }, data: { localComments: hidden ? { decrement: 1 } : { increment: 1 } } });
  }
  if (hidden) await tx.report.updateMany({ where: { commentId: id, resolvedAt: null }, data: { resolvedAt: now } });
}

async function setCollectionHidden(tx: Tx, id: string, hidden: boolean, now: Date) {
  const { count } = await tx.collection.updateMany({ where: { id }, data: { hiddenAt: hidden ? now : null } });
  if (count === 0) notFound(`collection ${id}`);
  if (hidden) await tx.report.updateMany({ where: { collectionId: id, resolvedAt: null }, data: { resolvedAt: now } });
}

// A claim is decided once; the author page, the badge and the notices read APPROVED claims.
async function decideAuthorClaim(tx: Tx, id: string, approved: boolean, moderator: string, now: Date) {
  const { count } = await tx.authorClaim.updateMany({
    where: { id, status: "PENDING" },
    data: { status: approved ? "APPROVED" : "REJECTED", decidedAt: now, decidedBy: moderator },
  });
  if (count === 0) notFound(`undecided author claim ${id}`);
  if (approved) {
    const { userId } = await tx.authorClaim.findUniqueOrThrow({ where: { id }, select: { userId: true } });
    await ensureHandle(tx, userId);
  }
}

async function setUserBanned(tx: Tx, email: string, banned: boolean, now: Date) {
  const user = await tx.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) notFound(`account with the address ${email}`);
  await tx.user.update({ where: { id: user.id }, data: { bannedAt: banned ? now : null } });
  // Signed out everywhere at once; signing in again is refused while the ban lasts.
  if (banned) await tx.session.deleteMany({ where: { userId: user.id } });
}

/**
 * Carries out one moderator action and records it (who, what, when, why) in the same
 * transaction, so the log never misses an action and never lists one that did not happen.
 */
export async function moderate(db: Db, moderator: string, request: ModerationRequest, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    switch (request.kind) {
      case "HIDE_PAPER":
      case "UNHIDE_PAPER":
        await setPaperHidden(tx, request.target, request.kind === "HIDE_PAPER", now);
        break;
      case "HIDE_COMMENT":
      case "UNHIDE_COMMENT":
        await setCommentHidden(tx, request.target, request.kind === "HIDE_COMMENT", now);
        break;
      case "HIDE_COLLECTION":
      case "UNHIDE_COLLECTION":
        await setCollectionHidden(tx, request.target, request.kind === "HIDE_COLLECTION", now);
        break;
      case "APPROVE_AUTHOR_CLAIM":
      case "REJECT_AUTHOR_CLAIM":
        await decideAuthorClaim(tx, request.target, request.kind === "APPROVE_AUTHOR_CLAIM", moderator, now);
        break;
      case "BAN_USER":
      case "UNBAN_USER":
        await setUserBanned(tx, request.target, request.kind === "BAN_USER", now);
        break;
      case "DISMISS_REPORT": {
        const { count } = await tx.report.updateMany({ where: { id: request.target }, data: { resolvedAt: now } });
        if (count === 0) notFound(`report ${request.target}`);
        break;
      }
    }
    await tx.moderationAction.create({
      data: {
        moderator,
        kind: request.kind,
        target: request.target,
        reason: request.reason,
        reasonPrivate: request.reasonPrivate ?? false,
        createdAt: now,
      },
    });
  });
}
