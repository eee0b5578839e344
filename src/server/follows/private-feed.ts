import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse } from "@/server/feeds/respond";
import { getForYouPapers } from "@/server/follows/follows";
import { handleErrors, parseOrThrow } from "@/server/http/errors";

/** A new secret for the reader's private feed; the previous link stops working at once. */
export async function rotateForYouFeedToken(db: Db, userId: string): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.user.update({ where: { id: userId }, data: { forYouFeedToken: token } });
  return token;
}

export async function revokeForYouFeedToken(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { forYouFeedToken: null } });
}

const paramsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/, "is not a private feed link's secret") });
type Context = { params: Promise<{ token: string }> };

/**
 * GET /papers/for-you/<secret>/feed.xml|json: a reader's for-you feed for feed readers, which
 * cannot sign in. The secret is the only key, so the answer is private to shared caches.
 */
export function createForYouFeedHandler(db: Db, format: FeedFormat, now: () => Date = () => new Date()) {
  return handleErrors<Context>(async (request, context) => {
    const { token } = parseOrThrow(paramsSchema, await context.params);
    const user = await db.user.findUnique({ where: { forYouFeedToken: token }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", "This private feed link is not valid (any more): make a new one on /me.");
    const papers = (await getForYouPapers(db, user.id, now())).map((item) => item.paper);
    const response = feedResponse(
      request,
      format,
      { title: "For you · Daily Papers", description: "Papers from what you follow", pagePath: "/papers/for-you" },
      papers,
    );
    response.headers.set("Cache-Control", "private, max-age=300");
    return response;
  });
}
