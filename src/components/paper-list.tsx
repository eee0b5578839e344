import Link from "next/link";
import type { ReactNode } from "react";
import { DensitySwitch } from "@/components/density-switch";
import { PaperCard, type PaperCardContext } from "@/components/paper-card";
import { HideReadToggle } from "@/components/triage/hide-read-toggle";
import { MarkAllReadButton } from "@/components/triage/mark-all-read-button";
import { SeenTracker } from "@/components/triage/seen-tracker";
import { VisitTime } from "@/components/triage/visit-time";
import { countOf } from "@/lib/plural";
import { getViewerSaves } from "@/server/library/library";
import type { PaperDto } from "@/server/papers/dto";
import type { RankedPaper } from "@/server/papers/feed";
import type { SearchHit } from "@/server/papers/search";
import { getViewerReadState, triageList, type TriagedList, type ViewerReadState } from "@/server/triage/viewer";
import { getViewerVotes } from "@/server/votes/votes";

export interface PaperListProps {
  papers: (PaperDto | RankedPaper)[];
  showRank?: boolean;
  /** The list position of the first card, so later pages number on (51, 52, ...). */
  startAt?: number;
  /** The page the list is on, passed to every card (see PaperCardContext). */
  context?: PaperCardContext;
  /** What goes above a paper's card to say why it is in the list (for-you's reasons), by paper id. */
  reasons?: ReadonlyMap<string, ReactNode>;
}

// The cards are the shared, cached list; what this reader has seen and hidden is applied here, per
// request (src/server/triage/viewer.ts): hidden papers are left out, read ones too with "Hide read",
// and the day and week lists mark where the papers new since the last visit start.

export async function PaperList({ papers, showRank = false, startAt = 1, context, reasons }: PaperListProps) {
  const ids = papers.map((paper) => paper.id);
  const [votes, saves, reads] = await Promise.all([getViewerVotes(ids), getViewerSaves(ids), getViewerReadState(ids)]);
  const triaged = triageList(papers, (paper) => paper.id, reads);
  return (
    <TriageFrame reads={reads} triaged={triaged} idOf={(paper) => paper.id}>
      <ol start={startAt} className="flex flex-col gap-4">
        {triaged.shown.map(({ paper, index }) => (
          <li key={paper.id} value={triaged.shown.length < papers.length ? startAt + index : undefined}>
            {paper.id === triaged.firstNewId && reads.newSince && (
              <NewSinceMarker since={reads.newSince} newCount={triaged.newCount} shownCount={triaged.shown.length} />
            )}
            {reasons?.has(paper.id) && <div className="mb-1">{reasons.get(paper.id)}</div>}
            <PaperCard
              paper={paper}
              rank={showRank && "rank" in paper ? paper.rank : undefined}
              upvoted={votes.upvoted.has(paper.id)}
              signedIn={votes.signedIn}
              saved={saves.has(paper.id)}
              seen={reads.seen.has(paper.id)}
              context={context}
            />
          </li>
        ))}
      </ol>
    </TriageFrame>
  );
}

export async function SearchHitList({ hits, startAt = 1 }: { hits: SearchHit[]; startAt?: number }) {
  const ids = hits.map((hit) => hit.paper.id);
  const [votes, saves, reads] = await Promise.all([getViewerVotes(ids), getViewerSaves(ids), getViewerReadState(ids)]);
  const triaged = triageList(hits, (hit) => hit.paper.id, reads);
  return (
    <TriageFrame reads={reads} triaged={triaged} idOf={(hit) => hit.paper.id}>
      <ol start={startAt} className="flex flex-col gap-4">
        {triaged.shown.map(({ paper: hit, index }) => (
          <li key={hit.paper.id} value={triaged.shown.length < hits.length ? startAt + index : undefined}>
            <PaperCard
              paper={hit.paper}
              highlight={{ title: hit.highlightedTitle, excerpt: hit.highlightedExcerpt }}
              upvoted={votes.upvoted.has(hit.paper.id)}
              signedIn={votes.signedIn}
              saved={saves.has(hit.paper.id)}
              seen={reads.seen.has(hit.paper.id)}
            />
          </li>
        ))}
      </ol>
    </TriageFrame>
  );
}

/**
 * The density switch above every list; for a signed-in reader also "Hide read", "Mark all on this
 * page read" and the seen tracker around it. Signed out, the same for everyone, as the page cache
 * shares it.
 */
function TriageFrame<T>({
  reads,
  triaged,
  idOf,
  children,
}: {
  reads: ViewerReadState;
  triaged: TriagedList<T>;
  idOf: (item: T) => string;
  children: ReactNode;
}) {
  if (!reads.mayTriage)
    return (
      <div className="flex flex-col gap-3">
        <div className="flex justify-end">
          <DensitySwitch />
        </div>
        {children}
      </div>
    );
  const unseen = triaged.shown.map(({ paper }) => idOf(paper)).filter((id) => !reads.seen.has(id));
  return (
    <div data-triage-list className="flex flex-col gap-3">
      <div data-testid="triage-bar" className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <HideReadToggle hideRead={reads.hideRead} readHiddenCount={triaged.readHiddenCount} />
        <div className="flex flex-wrap items-center gap-3">
          <MarkAllReadButton paperIds={unseen} />
          <DensitySwitch saveToAccount />
        </div>
      </div>
      {triaged.shown.length === 0 && triaged.readHiddenCount > 0 && (
        <p className="rounded-xl border border-dashed border-gray-300 px-6 py-8 text-center text-gray-600 dark:border-gray-700 dark:text-gray-400">
          You have read every paper on this page.
        </p>
      )}
      {children}
      <SeenTracker unseenIds={unseen} />
    </div>
  );
}

/** Before the first card added since the reader's previous visit, on the day and week lists. */
function NewSinceMarker({ since, newCount, shownCount }: { since: Date; newCount: number; shownCount: number }) {
  return (
    <p
      data-testid="new-since-marker"
      className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1 border-t-2 border-indigo-500 pt-2 text-sm font-semibold text-indigo-700 dark:text-indigo-300"
    >
      <span>
        New since your last visit{" "}
        <span className="font-normal text-gray-600 dark:text-gray-400">
          (added after <VisitTime at={since} />
          {newCount < shownCount && `; ${countOf(newCount, "paper", "papers")} on this page`})
        </span>
      </span>
      <Link href="/papers/new" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        Catch up, oldest first
      </Link>
    </p>
  );
}
