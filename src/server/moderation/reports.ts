import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { reportReasonSchema } from "@/lib/moderation";
import type { Db } from "@/server/db";
import { parseOrThrow } from "@/server/http/errors";

export type ReportTarget = { paperId: string } | { commentId: string };

/** Files a reader's report of a paper or a comment; once per reader and item. */
export async function reportItem(db: Db, reporterId: string, target: ReportTarget, rawReason: string): Promise<void> {
  const reason = parseOrThrow(reportReasonSchema, rawReason);
  const exists =
    "paperId" in target
      ? await db.paper.count({ where: { id: target.paperId, hiddenAt: null } })
      : await db.comment.count({ where: { id: target.commentId, deletedAt: null, hiddenAt: null } });
  if (!exists) throw new AppError("NOT_FOUND", "There is nothing to report here any more.");
  try {
    await db.report.create({ data: { reporterId, reason, ...target } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "You have already reported this; the moderators will look at it.");
    }
    throw error;
  }
}
