import "server-only";
import { followBodySchema, followKindName, followKindParam, followParamsSchema } from "@/lib/api-params";
import type { FollowBody, FollowStateBody } from "@/lib/api-responses";
import { followRequestSchema } from "@/lib/follows";
import type { Db } from "@/server/db";
import { applyFollow, listFollows } from "@/server/follows/follows";
import { readOptionalJsonBody } from "@/server/http/body";
import { decodeSegment, handleErrors, parseOrThrow } from "@/server/http/errors";
import { requireTokenUser } from "@/server/tokens/token-request";

// What the reader follows and mutes, over the API with a personal access token: GET lists it; PUT
// on /api/me/follows/<kind>/<value> follows (or mutes, with `{"state": "mute"}`) and DELETE
// unfollows, both idempotent, under the same rules as the site's Follow buttons.

const NO_STORE = { "Cache-Control": "private, no-store" };
type Context = { params: Promise<{ kind: string; value: string }> };

export function createFollowsListHandler(db: Db) {
  return handleErrors(async (request: Request) => {
    const { user } = await requireTokenUser(db, request, "read");
    const follows = await listFollows(db, user.id);
    return Response.json(
      follows.map(({ kind, value, muted }): FollowBody => ({ kind: followKindParam(kind), value, state: muted ? "mute" : "follow" })),
      { headers: NO_STORE },
    );
  });
}

/** PUT (`followed`) or DELETE on /api/me/follows/<kind>/<value>; the value's slashes and spaces are %-encoded. */
export function createFollowHandler(db: Db, followed: boolean) {
  return handleErrors<Context>(async (request, context) => {
    const { user } = await requireTokenUser(db, request, "write");
    const params = await context.params;
    const { kind, value } = parseOrThrow(followParamsSchema, {
      kind: decodeSegment(params.kind, "kind"),
      value: decodeSegment(params.value, "value"),
    });
    const state = followed ? parseOrThrow(followBodySchema, (await readOptionalJsonBody(request)) ?? {}).state : null;
    const follow = parseOrThrow(followRequestSchema, { kind: followKindName(kind), value, mode: state ?? "unfollow" });
    await applyFollow(db, user.id, follow);
    return Response.json({ kind, value: follow.value, state } satisfies FollowStateBody, { headers: NO_STORE });
  });
}
