import Link from "next/link";
import { OrgBadge } from "@/components/org-badge";
import { SaveButton } from "@/components/save-button";
import { CategoryChip } from "@/components/topic-chips";
import { HighlightedText } from "@/components/ui/highlighted-text";
import { RemoteImage } from "@/components/ui/remote-image";
import { UpvoteButton } from "@/components/upvote-button";
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
}

export function paperPath(id: string): string {
  return `/papers/${id}`;
}

export function PaperCard({ paper, rank, highlight, upvoted, signedIn, saved }: PaperCardProps) {
  const authorCount = paper.authors.length;
  const authorLabel = countOf(authorCount, "author", "authors");
  return (
    <article
      data-testid="paper-card"
      className="flex gap-3 rounded-xl border border-gray-200 bg-white p-3 shadow-xs sm:gap-4 sm:p-4 transition-colors hover:border-gray-300 dark:border-gray-800 dark:bg-gray-900 dark:hover:border-gray-700"
    >
      <div className="shrink-0 self-start">
        <UpvoteButton paperId={paper.id} count={paper.upvotes} upvoted={upvoted ?? false} signedIn={signedIn ?? false} />
      </div>

      <div className="min-w-0 flex-1">
        <h2 className="text-base leading-snug font-semibold break-words sm:text-lg">
          <Link data-testid="paper-title" href={paperPath(paper.id)} className="hover:underline focus-visible:underline">
            {highlight ? <HighlightedText text={highlight.title} /> : paper.title}
          </Link>
        </h2>

        {/* One line on phones, as on the listing we follow: badge, primary category, "N authors", publication date. */}
        <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-gray-500 sm:mt-1.5 sm:gap-x-3 dark:text-gray-400">
          {paper.organization && <OrgBadge organization={paper.organization} />}
          {paper.categories[0] && <CategoryChip category={paper.categories[0]} />}
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
          <span>
            <span className="sr-only sm:not-sr-only">Published </span>
            <time dateTime={paper.publishedAt}>{formatDay(paper.publishedAt.slice(0, 10))}</time>
          </span>
          <span className="hidden sm:inline">
            Added <time dateTime={paper.feedDate}>{formatDay(paper.feedDate)}</time>
          </span>
          {paper.submitter && <span className="hidden sm:inline">Submitted by {paper.submitter.fullName || paper.submitter.name}</span>}
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
          <Link
            data-testid="more-like-this"
            href={`/papers/similar/${paper.id}`}
            className="hidden py-0.5 hover:text-gray-800 hover:underline sm:inline dark:hover:text-gray-200"
          >
            More like this<span className="sr-only">: {paper.title}</span>
          </Link>
          {paper.githubRepo && (
            <a href={paper.githubRepo} rel="noopener noreferrer" className="hover:text-gray-800 hover:underline dark:hover:text-gray-200">
              GitHub{paper.githubStars !== null && ` ★ ${compact.format(paper.githubStars)}`}
            </a>
          )}
        </div>

        <div className="mt-2 text-sm text-gray-700 dark:text-gray-300">
          {highlight ? (
            <p>
              <HighlightedText text={highlight.excerpt} />
            </p>
          ) : (
            <AbstractExcerpt paper={paper} />
          )}
        </div>

        {rank && (
          <details className="mt-2 text-xs text-gray-500 dark:text-gray-400">
            <summary className="inline-block cursor-pointer py-1">Why here?</summary>
            <p className="mt-1">
              Score {rank.score.toFixed(4)} = ({paper.upvotes} upvotes + 1) / ({rank.ageHours.toFixed(1)} hours since added + 2)
              <sup>{GRAVITY}</sup>.{" "}
              <Link href="/about/ranking" className="underline">
                How ranking works
              </Link>
            </p>
          </details>
        )}
      </div>

      {paper.thumbnailUrl && (
        <Link href={paperPath(paper.id)} tabIndex={-1} aria-hidden className="hidden shrink-0 self-start sm:block">
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
    </article>
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
