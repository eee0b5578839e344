import "server-only";
import { z } from "zod";
import { paperMarkdown, paperPagePath, type MarkdownComment } from "@/lib/agents/paper-markdown";
import { arxivIdSchema } from "@/lib/arxiv-id";
import { AppError } from "@/lib/errors";
import { commenterName } from "@/server/accounts/commenter-name";
import { handleMarkdownErrors, markdownResponse } from "@/server/agents/respond";
import type { Db } from "@/server/db";
import { decodeSegment, parseOrThrow } from "@/server/http/errors";
import { getPaperById } from "@/server/papers/feed";

const paramsSchema = z.object({ id: arxivIdSchema });
const QUOTED_COMMENTS = 5;

// The newest live comments, replies included: one probe of the (paperId, createdAt) index that
// stops after a few rows, and none at all for the many papers without a comment here.
async function newestComments(db: Db, paperId: string, liveComments: number): Promise<MarkdownComment[]> {
  if (liveComments === 0) return [];
  const rows = await db.comment.findMany({
    where: { paperId, deletedAt: null, hiddenAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: QUOTED_COMMENTS,
    select: { userId: true, body: true, createdAt: true, threadId: true, user: { select: { handle: true } } },
  });
  return rows.map((row) => ({
    author: row.user?.handle ?? commenterName(row.userId),
    createdAt: row.createdAt.toISOString(),
    body: row.body,
    reply: row.threadId !== null,
  }));
}

/**
 * GET /papers/<arXiv id>.md (the proxy rewrites it to /md/papers/<id>; old-style ids keep their
 * slash, so the id arrives as segments): the paper as Markdown; 404 for an unknown or hidden one.
 */
export function createPaperMarkdownHandler({ db, siteUrl }: { db: Db; siteUrl: string }) {
  return handleMarkdownErrors(siteUrl, async (request: Request, { params }: { params: Promise<{ id: string[] }> }) => {
    const segments = (await params).id.map((segment) => decodeSegment(segment, "id"));
    const { id } = parseOrThrow(paramsSchema, { id: segments.join("/") });
    const paper = await getPaperById(db, id);
    if (!paper) throw new AppError("NOT_FOUND", `No paper with id ${id} on this instance; arXiv may have it: https://arxiv.org/abs/${id}`);
    const comments = await newestComments(db, id, paper.localComments);
    return markdownResponse(request, paperMarkdown(paper, comments, siteUrl), `${siteUrl}${paperPagePath(id)}`);
  });
}
