import { PaperCard } from "@/components/paper-card";
import { getViewerSaves } from "@/server/library/library";
import type { PaperDto } from "@/server/papers/dto";
import type { RankedPaper } from "@/server/papers/feed";
import type { SearchHit } from "@/server/papers/search";
import { getViewerVotes } from "@/server/votes/votes";

export interface PaperListProps {
  papers: (PaperDto | RankedPaper)[];
  showRank?: boolean;
  /** The list position of the first card, so later pages number on (51, 52, ...). */
  startAt?: number;
}

export async function PaperList({ papers, showRank = false, startAt = 1 }: PaperListProps) {
  const ids = papers.map((paper) => paper.id);
  const [votes, saves] = await Promise.all([getViewerVotes(ids), getViewerSaves(ids)]);
  return (
    <ol start={startAt} className="flex flex-col gap-4">
      {papers.map((paper) => (
        <li key={paper.id}>
          <PaperCard
            paper={paper}
            rank={showRank && "rank" in paper ? paper.rank : undefined}
            upvoted={votes.upvoted.has(paper.id)}
            signedIn={votes.signedIn}
            saved={saves.has(paper.id)}
          />
        </li>
      ))}
    </ol>
  );
}

export async function SearchHitList({ hits, startAt = 1 }: { hits: SearchHit[]; startAt?: number }) {
  const ids = hits.map((hit) => hit.paper.id);
  const [votes, saves] = await Promise.all([getViewerVotes(ids), getViewerSaves(ids)]);
  return (
    <ol start={startAt} className="flex flex-col gap-4">
      {hits.map((hit) => (
        <li key={hit.paper.id}>
          <PaperCard
            paper={hit.paper}
            highlight={{ title: hit.highlightedTitle, excerpt: hit.highlightedExcerpt }}
            upvoted={votes.upvoted.has(hit.paper.id)}
            signedIn={votes.signedIn}
            saved={saves.has(hit.paper.id)}
          />
        </li>
      ))}
    </ol>
  );
}
