import "server-only";
import { AppError } from "@/lib/errors";
import { assertMayContribute, userFromRequest } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { decodeSegment, handleErrors } from "@/server/http/errors";
import type { RateLimitRule } from "@/server/http/rate-limit";
import { hasSameOrigin } from "@/server/http/request-origin";
import { voteAsUser } from "@/server/votes/votes";

export interface UpvoteHandlerDeps {
  db: Db;
  siteUrl: string;
  rateLimit: RateLimitRule;
  /** Called after a successful change, to revalidate pages showing the count. */
  /** This instance's caches; the vote statement itself notifies every instance. */
  onChange: () => Promise<void>;
}

type Context = { params: Promise<{ id: string }> };

/**
 * POST /api/papers/<id>/upvote adds the caller's upvote, DELETE removes it; both are idempotent
 * and answer `{ paperId, upvoted, upvotes }`. Old-style ids encode their slash: hep-th%2F9901001.
 */
export function createUpvoteHandler(deps: UpvoteHandlerDeps) {
  return handleErrors<Context>(async (request, context) => {
    const user = await userFromRequest(deps.db, request);
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to upvote papers.");
    assertMayContribute(user);
    if (!hasSameOrigin(request, deps.siteUrl)) {
      throw new AppError("FORBIDDEN", "Upvotes must come from this site: send an Origin header with the site's origin.");
    }
    const state = await voteAsUser(
      deps.db,
      user.id,
      { paperId: decodeSegment((await context.params).id, "paperId"), upvoted: request.method === "POST" },
      deps.rateLimit,
    );
    await deps.onChange();
    return Response.json(state);
  });
}
