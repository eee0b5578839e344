import "server-only";
import { z } from "zod";
import { arxivIdSchema } from "@/lib/arxiv-id";
import { formatWait } from "@/lib/durations";
import { AppError } from "@/lib/errors";
import { userFromRequest } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { handleErrors, parseOrThrow } from "@/server/http";
import { consumeRateLimit, type RateLimitRule } from "@/server/rate-limit";
import { hasSameOrigin } from "@/server/request-origin";
import { setUpvote } from "@/server/upvotes";

export interface UpvoteHandlerDeps {
  db: Db;
  siteUrl: string;
  rateLimit: RateLimitRule;
  /** Called after a successful change, to revalidate pages showing the count. */
  onChange: () => void;
}

// Generous for people and scripts, low enough that one account cannot hammer the paper rows.
export const UPVOTE_RATE_LIMIT: RateLimitRule = { limit: 120, windowMs: 60_000 };

type Context = { params: Promise<{ id: string }> };

const paperIdParam = z
  .string()
  .transform((value, ctx) => {
    try {
      return decodeURIComponent(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "is not a valid URL segment" });
      return z.NEVER;
    }
  })
  .pipe(arxivIdSchema);

/**
 * POST /api/papers/<id>/upvote adds the caller's upvote, DELETE removes it; both are idempotent
 * and answer `{ paperId, upvoted, upvotes }`. Old-style ids encode their slash: hep-th%2F9901001.
 */
export function createUpvoteHandler(deps: UpvoteHandlerDeps) {
  return handleErrors<Context>(async (request, context) => {
    const user = await userFromRequest(deps.db, request);
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to upvote papers.");
    if (!hasSameOrigin(request, deps.siteUrl)) {
      throw new AppError("FORBIDDEN", "Upvotes must come from this site: send an Origin header with the site's origin.");
    }
    const paperId = parseOrThrow(z.object({ id: paperIdParam }), await context.params).id;
    const limit = await consumeRateLimit(deps.db, `upvote:user:${user.id}`, deps.rateLimit);
    if (!limit.allowed) {
      throw new AppError("RATE_LIMITED", `You are voting too fast. Try again in ${formatWait(limit.retryAfterSeconds)}.`, {
        retryAfterSeconds: limit.retryAfterSeconds,
      });
    }
    const state = await setUpvote(deps.db, user.id, paperId, request.method === "POST");
    if (!state) throw new AppError("NOT_FOUND", `There is no paper ${paperId} here.`);
    deps.onChange();
    return Response.json(state);
  });
}
