import "server-only";
import { z } from "zod";
import { arxivIdSchema } from "@/lib/arxiv-id";
import { formatWait } from "@/lib/durations";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import { parseOrThrow } from "@/server/http";
import { consumeRateLimit, type RateLimitRule } from "@/server/rate-limit";
import { setUpvote, type UpvoteState } from "@/server/upvotes";

// Generous for people and scripts, low enough that one account cannot hammer the paper rows.
export const UPVOTE_RATE_LIMIT: RateLimitRule = { limit: 120, windowMs: 60_000 };

const voteInput = z.object({ paperId: arxivIdSchema, upvoted: z.boolean() });

/**
 * A signed-in user's vote from any entry point (API route or server action): validated, rate
 * limited per user, applied. Throws AppErrors (400, 404, 429) with messages meant for people.
 */
export async function voteAsUser(db: Db, userId: string, input: unknown, rateLimit: RateLimitRule = UPVOTE_RATE_LIMIT): Promise<UpvoteState> {
  const { paperId, upvoted } = parseOrThrow(voteInput, input);
  const limit = await consumeRateLimit(db, `upvote:user:${userId}`, rateLimit);
  if (!limit.allowed) {
    throw new AppError("RATE_LIMITED", `You are voting too fast. Try again in ${formatWait(limit.retryAfterSeconds)}.`, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  const state = await setUpvote(db, userId, paperId, upvoted);
  if (!state) throw new AppError("NOT_FOUND", `There is no paper ${paperId} here.`);
  return state;
}
