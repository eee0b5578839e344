import type { Metadata } from "next";
import Link from "next/link";
import { FollowButtons } from "@/components/follow-buttons";
import { SearchHitList } from "@/components/paper-list";
import { parseArxivId } from "@/lib/arxiv-id";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { getCurrentUser } from "@/server/auth/current-user";
import { getViewerFollow } from "@/server/follows/follows";
import { getCachedSearch } from "@/server/papers/cache";
import { normalizeQuery } from "@/server/papers/search";

async function queryFrom(searchParams: SearchParams): Promise<string> {
  return normalizeQuery(firstParam((await searchParams).q) ?? "");
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const query = await queryFrom(searchParams);
  const feed = `/papers/search/feed`;
  return {
    title: query ? `Search: ${query}` : "Search papers",
    robots: { index: false },
    alternates: query
      ? {
          types: {
            "application/rss+xml": `${feed}.xml?q=${encodeURIComponent(query)}`,
            "application/feed+json": `${feed}.json?q=${encodeURIComponent(query)}`,
          },
        }
      : undefined,
  };
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await queryFrom(searchParams);
  const [results, viewer] = await Promise.all([query ? getCachedSearch(query) : null, getCurrentUser()]);
  const following = query && query.length <= 300 ? await getViewerFollow(viewer?.id, "TOPIC", query) : null;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">{query ? "Search results" : "Search papers"}</h1>
        {!query && (
          <p className="text-gray-600 dark:text-gray-400">Type words, an author’s name or an arXiv id in the search field at the top.</p>
        )}
        {query && query.length <= 300 && (
          <FollowButtons kind="TOPIC" value={query} current={following} signedIn={viewer !== null} label="Follow this search" canMute />
        )}
        {results && (
          <p data-testid="search-summary" className="text-sm text-gray-500 dark:text-gray-400">
            {results.hits.length === 0
              ? `No results for “${query}”.`
              : `${results.hits.length === 50 ? "Top 50" : results.hits.length} ${results.hits.length === 1 ? "result" : "results"} for “${query}”`}
          </p>
        )}
      </header>
      {results && results.hits.length > 0 && <SearchHitList hits={results.hits} />}
      {results && results.hits.length === 0 && <NoResults query={results.query} />}
    </div>
  );
}

/** What to try when a search finds nothing, including submitting a paper the query names. */
function NoResults({ query }: { query: string }) {
  const arxivId = parseArxivId(query) ?? /\b\d{4}\.\d{4,5}\b/.exec(query)?.[0] ?? null;
  return (
    <section data-testid="no-results" className="rounded-xl border border-dashed border-gray-300 px-6 py-10 dark:border-gray-700">
      <h2 className="text-lg font-semibold">Nothing matched</h2>
      <ul className="mt-3 flex list-disc flex-col gap-2 pl-5 text-gray-700 dark:text-gray-300">
        <li>Try fewer words, or other words: every word must appear in the title, abstract or author names (use OR for either).</li>
        {arxivId && (
          <li>
            arXiv {arxivId} is not in the feed yet.{" "}
            <Link
              href={`/submit?arxiv=${encodeURIComponent(arxivId)}`}
              className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Submit it
            </Link>
          </li>
        )}
        <li>
          Or browse{" "}
          <Link href="/papers/trending" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            trending papers
          </Link>
          .
        </li>
      </ul>
    </section>
  );
}
