import "server-only";
import type { CommentOrder } from "@/lib/comments";
import type { CurrentUser } from "@/server/auth/session";
import { listPaperComments, type CommentPage } from "@/server/comments/comments";
import type { Db } from "@/server/db";
import { getSavedPaperIds } from "@/server/library/library";
import type { PaperDto } from "@/server/papers/dto";
import { getReadState } from "@/server/triage/read-state";
import { getUpvotedPaperIds } from "@/server/votes/votes";

export interface PaperPageForReader {
  comments: CommentPage;
  upvoted: boolean;
  saved: boolean;
  /** The neighbours this reader has not hidden (all of them when signed out). */
  similar: PaperDto[];
}

/**
 * What a paper page shows beside the paper and its neighbours (shared by every reader, from the
 * data cache): a page of its comments, and the reader's own vote and save, which are only looked
 * up for a signed-in reader, who also does not see the neighbours they hid. The comment count comes
 * with the paper, so it is not read again.
 */
export async function getPaperPageForReader(
  db: Db,
  paper: Pick<PaperDto, "id" | "localComments">,
  similar: PaperDto[],
  viewer: CurrentUser | null,
  comments: { order: CommentOrder; page: number },
): Promise<PaperPageForReader> {
  const [upvoted, saved, commentPage, readState] = await Promise.all([
    getUpvotedPaperIds(db, viewer?.id, [paper.id]),
    getSavedPaperIds(db, viewer?.id, [paper.id]),
    listPaperComments(db, paper.id, { ...comments, viewerId: viewer?.id ?? null, total: paper.localComments }),
    viewer
      ? getReadState(
          db,
          viewer.id,
          similar.map((neighbour) => neighbour.id),
        )
      : null,
  ]);
  return {
    comments: commentPage,
    upvoted: upvoted.has(paper.id),
    saved: saved.has(paper.id),
    similar: readState ? similar.filter((neighbour) => !readState.hidden.has(neighbour.id)) : similar,
  };
}
