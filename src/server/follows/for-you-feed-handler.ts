import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse, filteredSpec } from "@/server/feeds/respond";
import { filterOrThrow, handleErrors, parseOrThrow } from "@/server/http/errors";
import { getReaderForYou } from "@/server/recs/reader-for-you";

const paramsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/, "is not a private feed link's secret") });
type Context = { params: Promise<{ token: string }> };

/**
 * GET /papers/for-you/<secret>/feed.xml|json: a reader's for-you feed for feed readers, which
 * cannot sign in (filtered as lists are: cat, not, code, min). The secret is the only key, so the
 * answer is private to shared caches.
 */
export function createForYouFeedHandler(db: Db, format: FeedFormat, now: () => Date = () => new Date()) {
  return handleErrors<Context>(async (request, context) => {
    const { token } = parseOrThrow(paramsSchema, await context.params);
    const user = await db.user.findUnique({ where: { forYouFeedToken: token }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", "This private feed link is not valid (any more): make a new one on /me.");
    const filter = filterOrThrow(request);
    const papers = (await getReaderForYou(db, user.id, now(), filter)).items.map((item) => item.paper);
    const spec = { title: "For you · Daily Papers", description: "Papers ranked for you", pagePath: "/papers/for-you" };
    const response = feedResponse(request, format, filteredSpec(spec, filter), papers);
    response.headers.set("Cache-Control", "private, max-age=300");
    return response;
  });
}
