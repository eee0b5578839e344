import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterBar } from "@/components/filter-bar";
import { FilterErrorNotice, NoMatches } from "@/components/filter-notices";
import { ListPager } from "@/components/list-pager";
import { ListPositionNote } from "@/components/list-position-note";
import { NOT_FOUND_TITLES } from "@/components/not-found-titles";
import { PaperList } from "@/components/paper-list";
import { PeriodNav } from "@/components/period-nav";
import { ScopeHeader } from "@/components/scope-header";
import { SubscribeBanner } from "@/components/subscribe-banner";
import { toIsoDate } from "@/lib/dates";
import { feedSortSchema } from "@/lib/feed-sort";
import { isFiltered, withFilter } from "@/lib/list-filter";
import { scopeBasePath, type PaperScope } from "@/lib/paper-scope";
import { parsePeriod, periodLabel, periodPath, type Period, type PeriodKind } from "@/lib/periods";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { pageFilter } from "@/server/filters/page-filter";
import { getCachedPeriodFeed, getCachedScopedPeriodFeed } from "@/server/papers/cache";
import { cursorParam, listHref } from "@/server/papers/list-pages";

export interface PeriodViewProps {
  kind: PeriodKind;
  periodKey: string;
  searchParams: SearchParams;
  /** A category's or keyword's papers of the period; null for the whole feed. */
  scope?: PaperScope | null;
  /** Where the reader is when it is not the period's own page (`/`, a category's latest day): filters and pages stay there. */
  listPath?: string;
}

/** Shared by the day, week and month routes (and the home page), of the whole feed or of a category or keyword: parse, fetch, render. */
export async function PeriodView({ kind, periodKey, searchParams, scope = null, listPath }: PeriodViewProps) {
  const period = parsePeriod(kind, periodKey);
  if (!period) notFound();
  const query = await searchParams;
  const sort = feedSortSchema.catch("trending").parse(firstParam(query.sort) ?? "trending");
  const today = toIsoDate(new Date());
  const cursor = cursorParam(firstParam(query.cursor));
  const { filter, error, signedIn, defaultFilter } = await pageFilter(query, { mainFeed: !scope });
  const feed = scope
    ? await getCachedScopedPeriodFeed(scope, period.kind, period.key, sort, cursor, filter)
    : await getCachedPeriodFeed(period.kind, period.key, sort, cursor, filter);
  // A keyword no paper has is not a page (a category is: arXiv's taxonomy is fixed).
  if (scope?.kind === "keyword" && !isFiltered(filter) && feed.total === 0 && !feed.previous && !feed.next) notFound();
  const sortParam = sort === "trending" ? null : sort;
  const base = scopeBasePath(scope);
  const path = listPath ?? periodPath(period, base);

  return (
    <div className="flex flex-col gap-4 sm:gap-6">
      <SubscribeBanner />
      {scope && <ScopeHeader scope={scope} view="period" />}
      <PeriodNav
        period={period}
        previous={feed.previous}
        next={feed.next}
        sort={sort}
        today={today}
        paperCount={feed.total}
        scope={scope}
        filter={filter}
      />
      <FilterBar filter={filter} path={path} keep={{ sort: sortParam }} defaultFilter={defaultFilter} signedIn={signedIn} />
      {error && <FilterErrorNotice error={error} />}
      {feed.papers.length > 0 ? (
        <>
          <ListPositionNote
            offset={feed.offset}
            count={feed.papers.length}
            total={feed.total}
            firstHref={withFilter(path, filter, { sort: sortParam })}
          />
          <PaperList
            papers={feed.papers}
            showRank={sort === "trending"}
            startAt={feed.offset + 1}
            context={period.kind === "date" ? { day: period.key } : undefined}
          />
          <ListPager
            offset={feed.offset}
            count={feed.papers.length}
            total={feed.total}
            nextHref={feed.nextCursor && withFilter(path, filter, { sort: sortParam, cursor: feed.nextCursor })}
            firstHref={withFilter(path, filter, { sort: sortParam })}
          />
        </>
      ) : isFiltered(filter) ? (
        <NoMatches filter={filter} clearHref={listHref(path, { sort: sortParam })} />
      ) : (
        <EmptyPeriod period={period} today={today} previous={feed.previous} next={feed.next} base={base} />
      )}
    </div>
  );
}

type PeriodParams = Promise<Record<string, string>>;

/** The page module of /papers/date/[date], /papers/week/[week] and /papers/month/[month]. */
export function periodPage(kind: PeriodKind) {
  return {
    async generateMetadata({ params }: { params: PeriodParams }): Promise<Metadata> {
      const period = parsePeriod(kind, (await params)[kind] ?? "");
      if (!period) return { title: NOT_FOUND_TITLES[kind] };
      // One address for search engines whatever the sort, filter, page or carried day; a day names
      // its Markdown rendition for agents.
      const types = kind === "date" ? { "text/markdown": `${periodPath(period)}.md` } : undefined;
      return { title: periodLabel(period), alternates: { canonical: periodPath(period), types } };
    },
    async Page({ params, searchParams }: { params: PeriodParams; searchParams: SearchParams }) {
      return <PeriodView kind={kind} periodKey={(await params)[kind] ?? ""} searchParams={searchParams} />;
    },
  };
}

function EmptyPeriod({
  period,
  today,
  previous,
  next,
  base,
}: {
  period: Period;
  today: string;
  previous: Period | null;
  next: Period | null;
  base: string;
}) {
  const future = period.start > today;
  const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";
  return (
    <section className="rounded-xl border border-dashed border-gray-300 px-6 py-12 text-center dark:border-gray-700">
      <h2 className="text-lg font-semibold">{future ? "Nothing yet" : "No papers in this period"}</h2>
      <p className="mt-1 text-gray-600 dark:text-gray-400">
        {future ? "This period has not happened yet. Come back later." : "Nobody added papers to the feed on these days."}
      </p>
      {(previous || next) && (
        <p className="mt-4 flex flex-wrap justify-center gap-x-6 gap-y-2">
          {previous && (
            <Link href={periodPath(previous, base)} className={linkClass}>
              ← {periodLabel(previous)}
            </Link>
          )}
          {next && (
            <Link href={periodPath(next, base)} className={linkClass}>
              {periodLabel(next)} →
            </Link>
          )}
        </p>
      )}
    </section>
  );
}
