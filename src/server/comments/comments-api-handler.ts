import "server-only";
import { commentsParamsSchema, paperIdParamsSchema, queryObject } from "@/lib/api-params";
import type { CommentsPage } from "@/lib/api-responses";
import { AppError } from "@/lib/errors";
import { listPaperComments, type CommentDto } from "@/server/comments/comments";
import type { Db } from "@/server/db";
import { decodeSegment, handleErrors, parseOrThrow } from "@/server/http/errors";

// `mine` and `upvoted` are about a viewer; the public API has none.
const publicComment = ({ mine: _mine, upvoted: _upvoted, ...comment }: CommentDto) => comment;

/** GET /api/papers/<arXiv id>/comments?p=&sort=newest|oldest|best: this site's comments, threads with their replies. */
export function createCommentsApiHandler(db: Db) {
  return handleErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = parseOrThrow(paperIdParamsSchema, { id: decodeSegment((await params).id, "id") });
    const { p, sort } = parseOrThrow(commentsParamsSchema, queryObject(request.url));
    const paper = await db.paper.findFirst({ where: { id, hiddenAt: null }, select: { localComments: true } });
    if (!paper) throw new AppError("NOT_FOUND", `No paper with id ${id} on this instance`);
    const page = await listPaperComments(db, id, { order: sort, page: p, total: paper.localComments });
    return Response.json(
      {
        comments: page.threads.map(({ replies, ...thread }) => ({ ...publicComment({ ...thread }), replies: replies.map(publicComment) })),
        page: page.page,
        hasMore: page.hasMore,
        total: page.total,
      } satisfies CommentsPage,
      // Shared caches may keep it briefly: a new comment shows within seconds.
      { headers: { "Cache-Control": "public, s-maxage=10, stale-while-revalidate=60" } },
    );
  });
}
