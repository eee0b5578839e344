import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterBar } from "@/components/filter-bar";
import { FilterErrorNotice, NoMatches } from "@/components/filter-notices";
import { ListPager } from "@/components/list-pager";
import { PaperList } from "@/components/paper-list";
import { ScopeHeader } from "@/components/scope-header";
import { SubscribeBanner } from "@/components/subscribe-banner";
import { toIsoDate } from "@/lib/dates";
import { describeFilter, isFiltered, withFilter } from "@/lib/list-filter";
import { scopeBasePath, type PaperScope } from "@/lib/paper-scope";
import { formatDay } from "@/lib/periods";
import { GRAVITY, TRENDING_DAYS } from "@/lib/ranking";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { pageFilter } from "@/server/filters/page-filter";
import { getCachedScopedTrendingPapers, getCachedTrendingPapers } from "@/server/papers/cache";
import { cursorParam } from "@/server/papers/list-pages";

/** The trending list of the whole feed (/papers/trending) or of a category or keyword (`.../trending`). */
export async function TrendingView({ searchParams, scope = null }: { searchParams: SearchParams; scope?: PaperScope | null }) {
  const query = await searchParams;
  const cursor = cursorParam(firstParam(query.cursor));
  const { filter, error, signedIn } = await pageFilter(query);
  const { papers, windowEnd, total, offset, nextCursor } = scope
    ? await getCachedScopedTrendingPapers(scope, cursor, filter)
    : await getCachedTrendingPapers(cursor, filter);
  // No window at all: nothing has this keyword (a category's pages exist while empty; see PeriodView).
  if (scope?.kind === "keyword" && !isFiltered(filter) && windowEnd === null) notFound();
  const stale = windowEnd !== null && windowEnd < toIsoDate(new Date());
  const path = `${scopeBasePath(scope)}/trending`;
  const Heading = scope ? "h2" : "h1";
  return (
    <div className="flex flex-col gap-6">
      <SubscribeBanner />
      {scope && <ScopeHeader scope={scope} view="trending" />}
      <header>
        <Heading className="text-2xl font-bold">Trending papers</Heading>
        <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">
          Papers added in the last {TRENDING_DAYS} days, ranked by their upvotes divided by their age in hours to the power {GRAVITY}, so a
          new paper needs fewer upvotes than an older one to rank as high.{" "}
          <Link href="/about/ranking" className="underline">
            More on the ranking
          </Link>
          .{stale && windowEnd && ` No papers were added recently, so this shows the ${TRENDING_DAYS} days up to ${formatDay(windowEnd)}.`}
        </p>
        {isFiltered(filter) && (
          <p data-testid="trending-filter" className="mt-1 text-sm text-gray-500 dark:text-gray-400">
            Only papers {describeFilter(filter)}.
          </p>
        )}
      </header>
      <FilterBar filter={filter} path={path} signedIn={signedIn} />
      {error && <FilterErrorNotice error={error} />}
      {papers.length > 0 ? (
        <>
          <PaperList papers={papers} showRank startAt={offset + 1} />
          <ListPager
            offset={offset}
            count={papers.length}
            total={total}
            nextHref={nextCursor && withFilter(path, filter, { cursor: nextCursor })}
            firstHref={withFilter(path, filter)}
          />
        </>
      ) : isFiltered(filter) ? (
        <NoMatches filter={filter} clearHref={path} />
      ) : (
        <p className="rounded-xl border border-dashed border-gray-300 px-6 py-12 text-center text-gray-600 dark:border-gray-700 dark:text-gray-400">
          No papers yet.
        </p>
      )}
    </div>
  );
}
