import "server-only";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getUpvotedPaperIds } from "@/server/upvotes";

export interface ViewerVotes {
  signedIn: boolean;
  upvoted: Set<string>;
}

/** The viewer's own votes on these papers: cached feed data is shared, this part is per request. */
export async function getViewerVotes(paperIds: string[]): Promise<ViewerVotes> {
  const user = await getCurrentUser();
  return { signedIn: Boolean(user), upvoted: await getUpvotedPaperIds(db, user?.id, paperIds) };
}
