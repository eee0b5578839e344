import "server-only";
import { followKindParam, forYouParamsSchema, queryObject } from "@/lib/api-params";
import type { ForYouPage } from "@/lib/api-responses";
import { reasonText, type ForYouReason } from "@/lib/recs/reason";
import type { Db } from "@/server/db";
import { filterOrThrow, handleErrors, parseOrThrow } from "@/server/http/errors";
import { toHfPaper } from "@/server/papers/hf-shape";
import { getReaderForYou } from "@/server/recs/reader-for-you";
import { requireTokenUser } from "@/server/tokens/token-request";

const NO_STORE = { "Cache-Control": "private, no-store" };

type ApiReason = ForYouPage["items"][number]["reason"];

function apiReason(reason: ForYouReason): ApiReason {
  const text = reasonText(reason);
  return reason.kind === "follow" ? { ...reason, followKind: followKindParam(reason.followKind), text } : { ...reason, text };
}

/**
 * GET /api/me/for-you?limit=&p=&cat=&not=&code=&min=: the reader's For you, the list /papers/for-you
 * shows (bounded there), a page at a time, each paper with why it is there. The list is ranked
 * afresh on each request, so a page may shift as the reader saves and upvotes.
 */
export function createForYouApiHandler(db: Db, now: () => Date = () => new Date()) {
  return handleErrors(async (request: Request) => {
    const { user } = await requireTokenUser(db, request, "read");
    const { limit, p } = parseOrThrow(forYouParamsSchema, queryObject(request.url));
    const filter = filterOrThrow(request);
    const forYou = await getReaderForYou(db, user.id, now(), filter);
    const start = p * limit;
    const body = {
      mode: forYou.mode,
      days: forYou.days,
      items: forYou.items.slice(start, start + limit).map(({ paper, reason }) => ({ paper: toHfPaper(paper), reason: apiReason(reason) })),
      page: p,
      hasMore: start + limit < forYou.items.length,
      total: forYou.items.length,
    } satisfies ForYouPage;
    return Response.json(body, { headers: NO_STORE });
  });
}
