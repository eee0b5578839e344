import "server-only";
import { paperMarkdown, type MarkdownComment } from "@/lib/agents/paper-markdown";
import { AppError } from "@/lib/errors";
import { commenterName } from "@/server/accounts/commenter-name";
import type { Db } from "@/server/db";
import { getPaperById } from "@/server/papers/feed";

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
 * A paper's Markdown rendition with its newest comments, as `/papers/<id>.md` and the MCP server's
 * `get_paper` serve it; a 404 for an unknown or hidden paper.
 */
export async function paperRendition(db: Db, id: string, siteUrl: string): Promise<string> {
  const paper = await getPaperById(db, id);
  if (!paper) throw new AppError("NOT_FOUND", `No paper with id ${id} on this instance; arXiv may have it: https://arxiv.org/abs/${id}`);
  return paperMarkdown(paper, await newestComments(db, id, paper.localComments), siteUrl);
}
