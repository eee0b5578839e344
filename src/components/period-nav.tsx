import { PeriodLinks } from "@/components/period-links";
import { FocusKeepingLink } from "@/components/ui/focus-keeping-link";
import { pillClass } from "@/components/ui/pill-class";
import type { FeedSort } from "@/lib/feed-sort";
import { describeFilter, isFiltered, NO_FILTER, withFilter, type ListFilter } from "@/lib/list-filter";
import { scopeBasePath, type PaperScope } from "@/lib/paper-scope";
import { periodLabel, periodPath, type Period } from "@/lib/periods";

/** A link within the list's views: its sort (trending is the default) and filter kept. */
function listLink(path: string, sort: FeedSort, filter: ListFilter) {
  return withFilter(path, filter, { sort: sort === "trending" ? null : sort });
}

/** "← Previous" / "Next →" to the nearest period with papers, or a dimmed label when there is none. */
function NeighbourLink({
  direction,
  period,
  sort,
  base,
  filter,
}: {
  direction: "prev" | "next";
  period: Period | null;
  sort: FeedSort;
  base: string;
  filter: ListFilter;
}) {
  // Arrows alone on phones, so the heading and both links share one row.
  const label =
    direction === "prev" ? (
      <>
        <span aria-hidden>←</span>
        <span className="sr-only sm:not-sr-only"> Previous</span>
      </>
    ) : (
      <>
        <span className="sr-only sm:not-sr-only">Next </span>
        <span aria-hidden>→</span>
      </>
    );
  if (!period) {
    return (
      <span className="px-2.5 py-1 text-sm text-gray-500 dark:text-gray-400" aria-disabled>
        {label}
      </span>
    );
  }
  return (
    <FocusKeepingLink
      focusKey={`period-${direction}`}
      rel={direction}
      data-testid={direction === "prev" ? "previous-period" : "next-period"}
      href={listLink(periodPath(period, base), sort, filter)}
      className={pillClass(false)}
      title={periodLabel(period)}
    >
      {label}
    </FocusKeepingLink>
  );
}

export interface PeriodNavProps {
  period: Period;
  previous: Period | null;
  next: Period | null;
  sort: FeedSort;
  today: string;
  paperCount: number;
  /** A category's or keyword's pages (whose heading is the page's, so the period's is a level below); null for the whole feed. */
  scope?: PaperScope | null;
  /** The list's filter: kept by every link here, and the count is of the papers it lets through. */
  filter?: ListFilter;
}

export function PeriodNav({ period, previous, next, sort, today, paperCount, scope = null, filter = NO_FILTER }: PeriodNavProps) {
  const base = scopeBasePath(scope);
  const Heading = scope ? "h2" : "h1";
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <Heading className="text-xl font-bold sm:text-2xl">{periodLabel(period)}</Heading>
          <p data-testid="period-count" className="text-sm text-gray-500 dark:text-gray-400">
            {paperCount === 1 ? "1 paper" : `${paperCount.toLocaleString("en-US")} papers`}
            {isFiltered(filter) && ` ${describeFilter(filter)}`}
          </p>
        </div>
        <nav aria-label="Period" className="flex items-center gap-2">
          <NeighbourLink direction="prev" period={previous} sort={sort} base={base} filter={filter} />
          <NeighbourLink direction="next" period={next} sort={sort} base={base} filter={filter} />
        </nav>
      </div>
      <PeriodLinks period={period} sort={sort} today={today} base={base} scope={scope} filter={filter} />
    </div>
  );
}
