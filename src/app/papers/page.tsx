import type { Metadata } from "next";
import { SearchHitList } from "@/components/paper-list";
import { SearchBox } from "@/components/search-box";
import { firstParam, type SearchParams } from "@/lib/search-params";
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
  const results = query ? await getCachedSearch(query) : null;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">{query ? "Search results" : "Search papers"}</h1>
        <div className="max-w-xl">
          <SearchBox defaultValue={query} />
        </div>
        {results && (
          <p data-testid="search-summary" className="text-sm text-gray-500 dark:text-gray-400">
            {results.hits.length === 0
              ? `No results for “${query}”. Try fewer or different words, or an arXiv id.`
              : `${results.hits.length === 50 ? "Top 50" : results.hits.length} ${results.hits.length === 1 ? "result" : "results"} for “${query}”`}
          </p>
        )}
      </header>
      {results && results.hits.length > 0 && <SearchHitList hits={results.hits} />}
    </div>
  );
}
