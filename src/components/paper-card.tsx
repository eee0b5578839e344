import Link from "next/link";
import { AddToCollection } from "@/components/collections/add-to-collection";
import { OrgBadge } from "@/components/org-badge";
import "@/components/paper-card/density.css";
import { MENU_ITEM_CLASS } from "@/components/paper-card/menu-item-class";
import { MoreMenu } from "@/components/paper-card/more-menu";
import { TriageButtons } from "@/components/paper-card/triage-buttons";
import { TriageCard } from "@/components/paper-card/triage-card";
import { SaveButton } from "@/components/save-button";
import { CategoryChip } from "@/components/topic-chips";
import { HighlightedText } from "@/components/ui/highlighted-text";
import { RemoteImage } from "@/components/ui/remote-image";
import { UpvoteButton } from "@/components/upvote-button";
import { coinsTitle } from "@/lib/citation-meta";
import { formatDay } from "@/lib/periods";
import { countOf } from "@/lib/plural";
import type { RankExplanation } from "@/lib/ranking";
import { GRAVITY } from "@/lib/ranking";
import { collapseWhitespace, shorten } from "@/lib/text";
import type { PaperDto } from "@/server/papers/dto";

const compact = new Intl.NumberFormat("en-US", { notation: "compact" });

export interface PaperCardProps {
  paper: PaperDto;
  /** Why the card ranks where it does, on trending orders. */
  rank?: RankExplanation;
  /** Search matches, marked with highlight markers. */
  highlight?: { title: string; excerpt: string };
  /** The viewer's state for the upvote control. */
  upvoted?: boolean;
  signedIn?: boolean;
  /** Whether the viewer saved it; the save button shows when this is known. */
  saved?: boolean;
  /** The signed-in viewer has seen it: the card is dimmed and marked "Read". */
  seen?: boolean;
  /** The page the card is on, so the card leaves out what the page already says. */
  context?: PaperCardContext;
}

export interface PaperCardContext {
  /** A day's page (`YYYY-MM-DD`): no "Added <that day>". */
  day?: string;
  /** An organization's page (its `name`, as in /orgs/<name>): no badge of that organization. */
  organization?: string;
}

export function paperPath(id: string): string {
  return `/papers/${id}`;
}

export function PaperCard({ paper, rank, highlight, upvoted, signedIn, saved, seen, context }: PaperCardProps) {
  const authorCount = paper.authors.length;
  const authorLabel = countOf(authorCount, "author", "authors");
  const organization = paper.organization?.name === context?.organization ? null : paper.organization;
  // The parts are named (`data-card-part`) for density.css, which lays the same HTML out as Full,
  // Compact or Titles; `data-card-keep` marks what a Titles line keeps of the meta line.
  return (
    <TriageCard
      paperId={paper.id}
      seen={seen ?? false}
      className="group/card relative flex scroll-my-4 gap-3 rounded-xl border border-gray-200 bg-white p-3 shadow-xs transition-colors hover:border-gray-300 data-current:ring-2 data-current:ring-indigo-500 data-current:ring-offset-2 data-current:ring-offset-gray-50 sm:gap-4 sm:p-4 dark:border-gray-800 dark:bg-gray-900 dark:hover:border-gray-700 dark:data-current:ring-indigo-400 dark:data-current:ring-offset-gray-950"
    >
      <div data-card-part="vote" className="shrink-0 self-start">
        <UpvoteButton paperId={paper.id} count={paper.upvotes} upvoted={upvoted ?? false} signedIn={signedIn ?? false} />
      </div>

      <div data-card-part="body" className="min-w-0 flex-1">
        <h2
          data-card-part="title"
          className="text-base leading-snug font-semibold break-words group-data-seen/card:font-medium group-data-seen/card:text-gray-600 sm:text-lg dark:group-data-seen/card:text-gray-400"
        >
          <Link data-testid="paper-title" href={paperPath(paper.id)} className="hover:underline focus-visible:underline">
            {highlight ? <HighlightedText text={highlight.title} /> : paper.title}
          </Link>
        </h2>
        {/* COinS: reference managers (Zotero's connector) find each paper of a list by it. */}
        <span className="Z3988" title={coinsTitle(paper)} hidden />

        {/* One line on phones, as on the listing we follow: badge, primary category, "N authors", publication date. */}
        <div
          data-card-part="meta"
          className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-gray-500 sm:mt-1.5 sm:gap-x-3 dark:text-gray-400"
        >
          <span
            data-testid="read-badge"
            data-card-keep=""
            className="hidden rounded-md border border-gray-300 px-1.5 text-xs font-medium text-gray-600 group-data-seen/card:inline-block dark:border-gray-600 dark:text-gray-400"
          >
            Read
          </span>
          {organization && (
            <span data-card-keep="" data-card-part="organization" className="inline-flex max-w-full min-w-0">
              <OrgBadge organization={organization} />
            </span>
          )}
          {paper.categories[0] && (
            <span data-card-keep="" className="inline-flex max-w-full">
              <CategoryChip category={paper.categories[0]} />
            </span>
          )}
          <details className="group">
            <summary
              data-testid="paper-authors"
              title={paper.authors.slice(0, 30).join(", ")}
              className="cursor-pointer list-none py-0.5 hover:text-gray-800 dark:hover:text-gray-200"
            >
              {authorLabel}
            </summary>
            <p className="mt-1 max-h-40 overflow-y-auto text-xs text-gray-600 dark:text-gray-400">{paper.authors.join(", ")}</p>
          </details>
          <span data-card-part="published">
            <span className="sr-only sm:not-sr-only">Published </span>
            <time dateTime={paper.publishedAt}>{formatDay(paper.publishedAt.slice(0, 10))}</time>
          </span>
          {paper.feedDate !== context?.day && (
            <span data-card-part="added" className="hidden sm:inline">
              Added <time dateTime={paper.feedDate}>{formatDay(paper.feedDate)}</time>
            </span>
          )}
          {paper.submitter && (
            <span data-card-part="submitter" className="hidden sm:inline">
              Submitted by {paper.submitter.fullName || paper.submitter.name}
            </span>
          )}
          {paper.comments > 0 && (
            <Link
              href={`${paperPath(paper.id)}#discussion`}
              aria-label={countOf(paper.comments, "comment", "comments")}
              className="inline-flex items-center gap-1 py-0.5 hover:text-gray-800 dark:hover:text-gray-200"
            >
              <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth={1.6}>
                <path d="M4 4h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z" strokeLinejoin="round" />
              </svg>
              {paper.comments}
            </Link>
          )}
          {saved !== undefined && <SaveButton paperId={paper.id} saved={saved} signedIn={signedIn ?? false} />}
          {paper.githubRepo && (
            <a
              data-card-part="github"
              href={paper.githubRepo}
              rel="noopener noreferrer"
              className="hover:text-gray-800 hover:underline dark:hover:text-gray-200"
            >
              GitHub{paper.githubStars !== null && ` ★ ${compact.format(paper.githubStars)}`}
            </a>
          )}
          <MoreMenu title={paper.title}>
            <Link data-testid="more-like-this" href={`/papers/similar/${paper.id}`} className={MENU_ITEM_CLASS}>
              More like this<span className="sr-only">: {paper.title}</span>
            </Link>
            {signedIn && <TriageButtons paperId={paper.id} title={paper.title} seen={seen ?? false} />}
            {signedIn && <AddToCollection paperId={paper.id} title={paper.title} />}
            {rank && (
              <div data-testid="why-here" className="mt-1 border-t border-gray-200 px-2 pt-2 pb-1 text-xs dark:border-gray-700">
                <p className="font-medium text-gray-800 dark:text-gray-200">Why here?</p>
                <p className="mt-1 text-gray-600 dark:text-gray-400">
                  Score {rank.score.toFixed(4)} = ({paper.upvotes} upvotes + 1) / ({rank.ageHours.toFixed(1)} hours since added + 2)
                  <sup>{GRAVITY}</sup>.{" "}
                  <Link href="/about/ranking" className="inline-block py-1 underline">
                    How ranking works
                  </Link>
                </p>
              </div>
            )}
          </MoreMenu>
        </div>

        <div
          data-card-part="abstract"
          className="mt-2 text-sm text-gray-700 group-data-seen/card:text-gray-500 dark:text-gray-300 dark:group-data-seen/card:text-gray-400"
        >
          {highlight ? (
            <p>
              <HighlightedText text={highlight.excerpt} />
            </p>
          ) : (
            <AbstractExcerpt paper={paper} />
          )}
        </div>
      </div>

      {paper.thumbnailUrl && (
        <Link
          data-card-part="thumbnail"
          href={paperPath(paper.id)}
          tabIndex={-1}
          aria-hidden
          className="hidden shrink-0 self-start sm:block"
        >
          <RemoteImage
            src={paper.thumbnailUrl}
            width={160}
            height={90}
            className="aspect-video w-40 rounded-md border border-gray-200 bg-gray-100 object-cover dark:border-gray-800 dark:bg-gray-800"
            fallback={
              <span
                data-testid="image-placeholder"
                className="flex aspect-video w-40 items-center justify-center rounded-md border border-gray-200 bg-gray-100 text-gray-400 dark:border-gray-800 dark:bg-gray-800 dark:text-gray-500"
              >
                <svg viewBox="0 0 24 24" aria-hidden className="size-8" fill="none" stroke="currentColor" strokeWidth={1.5}>
                  <path d="M7 3h7l5 5v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z" />
                  <path d="M9 12h6M9 16h6" strokeLinecap="round" />
                </svg>
              </span>
            }
          />
        </Link>
      )}
    </TriageCard>
  );
}

// List cards carry the start of the abstract; the paper page has all of it. A page of 50 cards
// stays small whatever the abstracts' length.
const EXCERPT_CHARACTERS = 300;

function AbstractExcerpt({ paper }: { paper: PaperDto }) {
  const abstract = collapseWhitespace(paper.abstract);
  const excerpt = shorten(abstract, EXCERPT_CHARACTERS);
  return (
    <p data-testid="paper-abstract">
      {excerpt}
      {excerpt !== abstract && (
        <>
          {" "}
          <Link
            data-card-part="read-more"
            href={`${paperPath(paper.id)}#abstract`}
            className="font-medium whitespace-nowrap text-indigo-600 hover:underline dark:text-indigo-400"
          >
            Read more<span className="sr-only"> of “{paper.title}”</span>
          </Link>
        </>
      )}
    </p>
  );
}
