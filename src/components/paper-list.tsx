import type { RankedPaper } from "@/server/queries/feed";
import type { PaperDto } from "@/server/queries/paper-dto";
import { PaperCard } from "./paper-card";

export function PaperList({ papers, showRank = false }: { papers: (PaperDto | RankedPaper)[]; showRank?: boolean }) {
  return (
    <ol className="flex flex-col gap-4">
      {papers.map((paper) => (
        <li key={paper.id}>
          <PaperCard paper={paper} rank={showRank && "rank" in paper ? paper.rank : undefined} />
        </li>
      ))}
    </ol>
  );
}
