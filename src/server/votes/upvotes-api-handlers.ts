import "server-only";
import { paperIdParamsSchema } from "@/lib/api-params";
import type { HfPaper, UpvoteStateBody } from "@/lib/api-responses";
import type { Db } from "@/server/db";
import { decodeSegment, handleErrors, parseOrThrow } from "@/server/http/errors";
import { toHfPaper } from "@/server/papers/hf-shape";
import { requireTokenUser } from "@/server/tokens/token-request";
import { listUpvotedPapers, voteAsUser } from "@/server/votes/votes";

// The reader's upvotes over the API with a personal access token: GET lists them, PUT and DELETE
// on a paper upvote it and take the upvote back (idempotent), under the votes' own rate limit.

/** The newest upvotes listed, as on /me. */
export const LISTED_UPVOTES = 200;

const NO_STORE = { "Cache-Control": "private, no-store" };
type Context = { params: Promise<{ id: string }> };

export function createUpvotesListHandler(db: Db) {
  return handleErrors(async (request: Request) => {
    const { user } = await requireTokenUser(db, request, "read");
    const papers = await listUpvotedPapers(db, user.id, LISTED_UPVOTES);
    return Response.json(
      papers.map((paper): HfPaper => toHfPaper(paper)),
      { headers: NO_STORE },
    );
  });
}

export interface UpvoteSetDeps {
  db: Db;
  /** This instance's caches; the vote statement itself notifies every instance. */
  onChange: () => Promise<void>;
}

/** PUT (`upvoted`) or DELETE on /api/me/upvotes/<arXiv id>. */
export function createUpvoteSetHandler(deps: UpvoteSetDeps, upvoted: boolean) {
  return handleErrors<Context>(async (request, context) => {
    const { user } = await requireTokenUser(deps.db, request, "write");
    const { id } = parseOrThrow(paperIdParamsSchema, { id: decodeSegment((await context.params).id, "id") });
    const state = await voteAsUser(deps.db, user.id, { paperId: id, upvoted });
    await deps.onChange();
    return Response.json(state satisfies UpvoteStateBody, { headers: NO_STORE });
  });
}
