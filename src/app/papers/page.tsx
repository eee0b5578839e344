import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/filter-bar";
import { FollowButtons } from "@/components/follow-buttons";
import { ListPager } from "@/components/list-pager";
import { SearchHitList } from "@/components/paper-list";
import { SEARCH_HEADING_ID } from "@/components/search-heading";
import { FocusKeepingLink } from "@/components/ui/focus-keeping-link";
import { pillClass } from "@/components/ui/pill-class";
import { SEARCH_SORT_LABELS, SEARCH_SORTS, searchOptionsSchema, type SearchSort } from "@/lib/api-params";
import { parseArxivId } from "@/lib/arxiv-id";
import { describeFilter, filterQueryEntries, isFiltered, NO_FILTER, parseListFilter, withFilter, type ListFilter } from "@/lib/list-filter";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { getCurrentUser } from "@/server/auth/current-user";
import { getViewerFollow } from "@/server/follows/follows";
import { getCachedSearch } from "@/server/papers/cache";
import { normalizeQuery, SEARCH_CANDIDATES, type SearchResults } from "@/server/papers/search";

type Query = Awaited<SearchParams>;

/** What a search page asks besides its words, or what is wrong with it (shown, never a 500). */
type SearchRequest =
  { ok: true; sort: SearchSort; from: string | null; to: string | null; page: number; filter: ListFilter } | { ok: false; message: string };

function parseSearchRequest(query: Query): SearchRequest {
  const options = searchOptionsSchema.safeParse({
    sort: firstParam(query.sort),
    from: firstParam(query.from),
    to: firstParam(query.to),
    p: firstParam(query.p),
  });
  if (!options.success) {
    const issue = options.error.issues[0]!;
    return { ok: false, message: `${issue.path.map(String).join(".")}: ${issue.message}` };
  }
  const filtered = parseListFilter(query);
  if (!filtered.ok) return { ok: false, message: filtered.error.message };
  const { sort, from, to, p } = options.data;
  return { ok: true, sort, from: from ?? null, to: to ?? null, page: p, filter: filtered.filter };
}

type Shown = Extract<SearchRequest, { ok: true }>;

/** The search page (or a feed of it) for these words and options; the default sort and page 0 are left out of the URL. */
function searchHref(path: string, query: string, shown: Omit<Shown, "ok">): string {
  return withFilter(path, shown.filter, {
    q: query,
    sort: shown.sort === "relevance" ? null : shown.sort,
    from: shown.from,
    to: shown.to,
    p: shown.page > 0 ? String(shown.page) : null,
  });
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const params = await searchParams;
  const query = normalizeQuery(firstParam(params.q) ?? "");
  const request = parseSearchRequest(params);
  const feed = (shown: Shown, format: "xml" | "json") => searchHref(`/papers/search/feed.${format}`, query, { ...shown, page: 0 });
  return {
    title: query ? `Search: ${query}` : "Search papers",
    robots: { index: false },
    alternates:
      query && request.ok
        ? { types: { "application/rss+xml": feed(request, "xml"), "application/feed+json": feed(request, "json") } }
        : undefined,
  };
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = normalizeQuery(firstParam(params.q) ?? "");
  const request = parseSearchRequest(params);
  const search = query && request.ok ? request : null;
  const [results, viewer] = await Promise.all([
    search
      ? getCachedSearch(query, { sort: search.sort, from: search.from, to: search.to, filter: search.filter, page: search.page })
      : null,
    getCurrentUser(),
  ]);
  const following = query && query.length <= 300 ? await getViewerFollow(viewer?.id, "TOPIC", query) : null;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        {/* Focused after a search from the header (search-box.tsx), so the reader starts at the results. */}
        <h1 id={SEARCH_HEADING_ID} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
          {query ? "Search results" : "Search papers"}
        </h1>
        {!query && (
          <p className="text-gray-600 dark:text-gray-400">Type words, an author’s name or an arXiv id in the search field at the top.</p>
        )}
        {query && query.length <= 300 && (
          <FollowButtons kind="TOPIC" value={query} current={following} signedIn={viewer !== null} label="Follow this search" canMute />
        )}
        {query && !request.ok && (
          <p
            role="alert"
            data-testid="search-error"
            className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            This search could not be run: {request.message}.{" "}
            <Link href={searchHref("/papers", query, noOptions)} className={linkClass}>
              Search without the options
            </Link>
          </p>
        )}
        {search && results && (
          <>
            <p data-testid="search-summary" className="text-sm text-gray-500 dark:text-gray-400">
              {summary(query, search, results)}
            </p>
            <SearchControls query={query} shown={search} />
            <FilterBar
              filter={search.filter}
              path="/papers"
              keep={{ q: query, sort: search.sort === "relevance" ? null : search.sort, from: search.from, to: search.to }}
              signedIn={viewer !== null}
            />
          </>
        )}
      </header>
      {search && results && <SearchResultsList query={query} shown={search} results={results} />}
    </div>
  );
}

const count = (value: number) => value.toLocaleString("en-US");

function describeRange({ from, to }: Pick<Shown, "from" | "to">): string {
  if (from && to) return from === to ? `on ${from}` : `from ${from} to ${to}`;
  if (from) return `from ${from} on`;
  return to ? `up to ${to}` : "";
}

/** "37 results for “x” (in cs.CL, from 2026-06-01 on)"; honest about the cap on ranked matches. */
function summary(query: string, shown: Shown, results: SearchResults): string {
  const narrowed = [describeFilter(shown.filter), describeRange(shown)].filter(Boolean).join(", ");
  const words = `“${query}”${narrowed ? ` (${narrowed})` : ""}`;
  if (results.total === 0) return `No results for ${words}.`;
  if (results.capped) return `${count(SEARCH_CANDIDATES)}+ results for ${words}, showing the newest ${count(SEARCH_CANDIDATES)}`;
  return `${count(results.total)} ${results.total === 1 ? "result" : "results"} for ${words}`;
}

const fieldClass = "rounded-md border border-gray-300 bg-white px-2 py-1 dark:border-gray-700 dark:bg-gray-900";
const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

/** Sort links and the date range, each keeping the rest of the search (a new choice starts at page 0). */
function SearchControls({ query, shown }: { query: string; shown: Shown }) {
  const first = { ...shown, page: 0 };
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <nav aria-label="Sort" className="flex gap-1">
        {SEARCH_SORTS.map((option) => (
          <FocusKeepingLink
            key={option}
            focusKey={`search-sort-${option}`}
            href={searchHref("/papers", query, { ...first, sort: option })}
            aria-current={option === shown.sort ? "true" : undefined}
            className={pillClass(option === shown.sort)}
          >
            {SEARCH_SORT_LABELS[option]}
          </FocusKeepingLink>
        ))}
      </nav>
      {/* A plain GET form: works without JavaScript; a blank field sends an empty value, read as no bound. */}
      <form action="/papers" method="get" aria-label="Date range" className="flex flex-wrap items-end gap-2 text-sm">
        <input type="hidden" name="q" value={query} />
        {shown.sort !== "relevance" && <input type="hidden" name="sort" value={shown.sort} />}
        {filterQueryEntries(shown.filter).map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        <label className="flex flex-col gap-0.5">
          <span className="text-gray-600 dark:text-gray-400">From</span>
          <input type="date" name="from" defaultValue={shown.from ?? ""} min="1991-01-01" className={fieldClass} />
        </label>
        <label className="flex flex-col gap-0.5">
          <span className="text-gray-600 dark:text-gray-400">To</span>
          <input type="date" name="to" defaultValue={shown.to ?? ""} min="1991-01-01" className={fieldClass} />
        </label>
        <button
          type="submit"
          className="rounded-md border border-gray-300 px-3 py-1 font-medium hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-gray-700 dark:hover:bg-gray-800"
        >
          Apply
        </button>
        {(shown.from || shown.to) && (
          <Link href={searchHref("/papers", query, { ...first, from: null, to: null })} className={`py-1 ${linkClass}`}>
            Any date
          </Link>
        )}
      </form>
    </div>
  );
}

function SearchResultsList({ query, shown, results }: { query: string; shown: Shown; results: SearchResults }) {
  const firstHref = searchHref("/papers", query, { ...shown, page: 0 });
  if (results.hits.length === 0 && results.total > 0) {
    return (
      <p data-testid="past-the-end" className="text-gray-600 dark:text-gray-400">
        This page is past the last of the {count(results.total)} results.{" "}
        <Link href={firstHref} className={linkClass}>
          Back to the first page
        </Link>
      </p>
    );
  }
  if (results.hits.length === 0)
    return <NoResults query={results.query} narrowed={isFiltered(shown.filter) || Boolean(shown.from || shown.to)} />;
  const more = results.offset + results.hits.length < results.total;
  return (
    <>
      <SearchHitList hits={results.hits} startAt={results.offset + 1} />
      <ListPager
        offset={results.offset}
        count={results.hits.length}
        total={results.total}
        nextHref={more ? searchHref("/papers", query, { ...shown, page: shown.page + 1 }) : null}
        firstHref={firstHref}
      />
    </>
  );
}

const noOptions: Omit<Shown, "ok"> = { sort: "relevance", from: null, to: null, page: 0, filter: NO_FILTER };

/** What to try when a search finds nothing, including submitting a paper the query names. */
function NoResults({ query, narrowed }: { query: string; narrowed: boolean }) {
  const arxivId = parseArxivId(query) ?? /\b\d{4}\.\d{4,5}\b/.exec(query)?.[0] ?? null;
  return (
    <section data-testid="no-results" className="rounded-xl border border-dashed border-gray-300 px-6 py-10 dark:border-gray-700">
      <h2 className="text-lg font-semibold">Nothing matched</h2>
      <ul className="mt-3 flex list-disc flex-col gap-2 pl-5 text-gray-700 dark:text-gray-300">
        <li>Try fewer words, or other words: every word must appear in the title, abstract or author names (use OR for either).</li>
        {narrowed && (
          <li>
            <Link href={searchHref("/papers", query, noOptions)} className={linkClass}>
              Search without the filters and dates
            </Link>
          </li>
        )}
        {arxivId && (
          <li>
            arXiv {arxivId} is not in the feed yet.{" "}
            <Link href={`/submit?arxiv=${encodeURIComponent(arxivId)}`} className={linkClass}>
              Submit it
            </Link>
          </li>
        )}
        <li>
          Or browse{" "}
          <Link href="/papers/trending" className={linkClass}>
            trending papers
          </Link>
          .
        </li>
      </ul>
    </section>
  );
}
