import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { ChannelPost } from "@/lib/channels/message";
import { sendPost, type ChannelTarget, type SendDependencies } from "@/server/channels/send";
import { queryRows, type Db } from "@/server/db";

// Delivery guarantee, as the digest's: a channel gets each edition once. The ledger row
// (channel, edition) is claimed by one run at a time in one statement; the run records each
// message the service accepted (`sentParts`) before sending the next, so a run that dies mid-post
// leaves the row SENDING with its progress, and after the lease the next run sends only what is
// left. The one message that can go twice is the one in flight when a run died, after the service
// accepted it and before the ledger heard so (Matrix deduplicates even that by transaction id).

export interface EditionDependencies extends SendDependencies {
  /** Names this run in the ledger (claimedBy). */
  runId: string;
  /** A claim older than this belongs to a run that died. */
  leaseMs: number;
  /** After this many failed attempts an edition is given up (FAILED). */
  maxAttempts?: number;
  /** After this many "gone" answers in a row (401/403/404/410) the channel is paused. */
  pauseAfterGone?: number;
}

export type EditionOutcome = "sent" | "already-handled" | "retry" | "failed";

const claimRow = z.object({ id: z.string(), sentParts: z.number(), attempts: z.number() });
const matrixAnswer = z.object({ event_id: z.string().max(255) });

function eventIdOf(answer: unknown): string | null {
  const parsed = matrixAnswer.safeParse(answer);
  return parsed.success ? parsed.data.event_id : null;
}

export async function deliverEdition(
  db: Db,
  channelId: string,
  target: ChannelTarget,
  edition: string,
  post: ChannelPost,
  deps: EditionDependencies,
): Promise<EditionOutcome> {
  const now = deps.now();
  const maxAttempts = deps.maxAttempts ?? 5;
  await db.channelDelivery.createMany({ data: [{ channelId, edition }], skipDuplicates: true });
  // Raw: one conditional UPDATE is the claim; of concurrent runs only one gets the row back.
  const [claim] = await queryRows(
    db,
    claimRow,
    Prisma.sql`
      UPDATE "ChannelDelivery" SET status = 'SENDING', "claimedBy" = ${deps.runId}, "claimedAt" = ${now}, attempts = attempts + 1
      WHERE "channelId" = ${channelId} AND edition = ${edition} AND attempts < ${maxAttempts}
        AND (status IN ('PENDING', 'RETRY') OR (status = 'SENDING' AND "claimedAt" <= ${new Date(now.getTime() - deps.leaseMs)}))
      RETURNING id, "sentParts", attempts`,
  );
  if (!claim) return "already-handled";
  const mine = { id: claim.id, claimedBy: deps.runId, status: "SENDING" as const };
  const outcome = await sendPost(target, post, edition, deps, {
    fromPart: claim.sentParts,
    onSent: async (sentParts, answer) => {
      // Matrix answers the event id: the post's first message is the thread its papers' comments join.
      const threadRef = sentParts === 1 ? eventIdOf(answer) : null;
      await db.channelDelivery.updateMany({ where: mine, data: threadRef ? { sentParts, threadRef } : { sentParts } });
    },
  });
  if (outcome.ok) {
    await db.$transaction([
      db.channelDelivery.updateMany({ where: mine, data: { status: "SENT", sentAt: deps.now(), lastError: null } }),
      db.channel.update({ where: { id: channelId }, data: { failures: 0 } }),
      // What the channel has posted, for COMMENTS subscriptions to follow. Raw: only ids that are
      // papers here are kept (a post may name others), and a paper posted again keeps its first time.
      db.$executeRaw`
        INSERT INTO "ChannelPostedPaper" ("channelId", "paperId", "postedAt", "threadRef")
        SELECT ${channelId}, id, ${deps.now()}, (SELECT "threadRef" FROM "ChannelDelivery" WHERE id = ${claim.id})
        FROM "Paper" WHERE id = ANY(${post.papers.map((paper) => paper.id)}::text[])
        ON CONFLICT DO NOTHING`,
    ]);
    return "sent";
  }
  const givenUp = claim.attempts >= maxAttempts;
  const channel = await db.channel.update({
    where: { id: channelId },
    data: { failures: { increment: 1 }, lastError: outcome.message, lastErrorAt: deps.now() },
    select: { failures: true },
  });
  if (outcome.gone && channel.failures >= (deps.pauseAfterGone ?? 3))
    await db.channel.updateMany({ where: { id: channelId, pausedAt: null }, data: { pausedAt: deps.now() } });
  await db.channelDelivery.updateMany({ where: mine, data: { status: givenUp ? "FAILED" : "RETRY", lastError: outcome.message } });
  return givenUp ? "failed" : "retry";
}
