import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import type { RankedPaper } from "@/server/queries/feed";
import type { PaperDto } from "@/server/queries/paper-dto";
import { getUpvotedPaperIds } from "@/server/upvotes";
import { PaperCard } from "./paper-card";

export async function PaperList({ papers, showRank = false }: { papers: (PaperDto | RankedPaper)[]; showRank?: boolean }) {
  // Feed queries are cached for everyone; the viewer's own votes are looked up per request.
  const user = await getCurrentUser();
  const upvoted = await getUpvotedPaperIds(db, user?.id, papers.map((paper) => paper.id));
  return (
    <ol className="flex flex-col gap-4">
      {papers.map((paper) => (
        <li key={paper.id}>
          <PaperCard paper={paper} rank={showRank && "rank" in paper ? paper.rank : undefined} upvoted={upvoted.has(paper.id)} signedIn={Boolean(user)} />
        </li>
      ))}
    </ol>
  );
}
