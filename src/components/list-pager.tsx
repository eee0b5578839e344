import Link from "next/link";

export interface ListPagerProps {
  /** Position of the page's first card in the list (0-based), cards on this page, cards in all. */
  offset: number;
  count: number;
  total: number;
  /** The next page, or null on the last one. */
  nextHref: string | null;
  /** The list's first page, shown as a way back from later pages. */
  firstHref: string;
}

const linkClass =
  "inline-flex min-h-9 items-center rounded-lg border border-gray-300 px-4 font-semibold text-gray-800 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-gray-700 dark:text-gray-100 dark:hover:bg-gray-900";

/** "Showing 51–100 of 670" with plain links to the next page and back to the first: no JavaScript needed. */
export function ListPager({ offset, count, total, nextHref, firstHref }: ListPagerProps) {
  if (total <= count && offset === 0) return null;
  return (
    <nav aria-label="More papers" className="flex flex-wrap items-center justify-between gap-3 text-sm text-gray-600 dark:text-gray-400">
      <p data-testid="list-position">
        Showing {offset + 1}–{offset + count} of {total.toLocaleString("en-US")}
      </p>
      <div className="flex gap-2">
        {offset > 0 && (
          <Link href={firstHref} className={linkClass}>
            Back to the top
          </Link>
        )}
        {nextHref && (
          <Link href={nextHref} rel="next" data-testid="show-more" className={linkClass}>
            Show more
          </Link>
        )}
      </div>
    </nav>
  );
}
