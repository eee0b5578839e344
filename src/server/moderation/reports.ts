import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { reportReasonSchema } from "@/lib/moderation";
import type { Db } from "@/server/db";
import { parseOrThrow } from "@/server/http/errors";
import { enforceRateLimit, refundRateLimit, type RateLimitRule } from "@/server/http/rate-limit";

export type ReportTarget = { paperId: string } | { commentId: string } | { collectionId: string };

// Plenty for a reader cleaning up spam; one account cannot flood the moderators' queue.
export const REPORT_RATE_LIMIT: RateLimitRule = { limit: 20, windowMs: 3_600_000 };

/** Files a reader's report of a paper, a comment or a public collection; once per reader and item, 20 an hour. */
export async function reportItem(
  db: Db,
  reporterId: string,
  target: ReportTarget,
  rawReason: string,
  now: Date = new Date(),
): Promise<void> {
  const reason = parseOrThrow(reportReasonSchema, rawReason);
  const exists =
    "paperId" in target
      ? await db.paper.count({ where: { id: target.paperId, hiddenAt: null } })
      : "commentId" in target
        ? await db.comment.count({ where: { id: target.commentId, deletedAt: null, hiddenAt: null } })
        : // Only what others can see can be reported: a public collection no moderator hid.
          await db.collection.count({ where: { id: target.collectionId, visibility: "PUBLIC", hiddenAt: null } });
  if (!exists) throw new AppError("NOT_FOUND", "There is nothing to report here any more.");
  const limitKey = `report:${reporterId}`;
  await enforceRateLimit(
    db,
    limitKey,
    REPORT_RATE_LIMIT,
    (wait) =>
      `You have sent ${REPORT_RATE_LIMIT.limit} reports in the last hour; the moderators will read them. You can report more in ${wait}.`,
    now,
  );
  try {
    await db.report.create({ data: { reporterId, reason, ...target } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      await refundRateLimit(db, limitKey, now);
      throw new AppError("CONFLICT", "You have already reported this; the moderators will look at it.");
    }
    throw error;
  }
}
