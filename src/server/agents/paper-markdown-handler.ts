import "server-only";
import { z } from "zod";
import { paperPagePath } from "@/lib/agents/paper-markdown";
import { arxivIdSchema } from "@/lib/arxiv-id";
import { paperRendition } from "@/server/agents/paper-rendition";
import { handleMarkdownErrors, markdownResponse } from "@/server/agents/respond";
import type { Db } from "@/server/db";
import { decodeSegment, parseOrThrow } from "@/server/http/errors";

const paramsSchema = z.object({ id: arxivIdSchema });

/**
 * GET /papers/<arXiv id>.md (the proxy rewrites it to /md/papers/<id>; old-style ids keep their
 * slash, so the id arrives as segments): the paper as Markdown; 404 for an unknown or hidden one.
 */
export function createPaperMarkdownHandler({ db, siteUrl }: { db: Db; siteUrl: string }) {
  return handleMarkdownErrors(siteUrl, async (request: Request, { params }: { params: Promise<{ id: string[] }> }) => {
    const segments = (await params).id.map((segment) => decodeSegment(segment, "id"));
    const { id } = parseOrThrow(paramsSchema, { id: segments.join("/") });
    return markdownResponse(request, await paperRendition(db, id, siteUrl), `${siteUrl}${paperPagePath(id)}`);
  });
}
