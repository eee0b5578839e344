import type { Metadata } from "next";
import Link from "next/link";
import { FollowButtons } from "@/components/follow-buttons";
import { CategoryChip } from "@/components/topic-chips";
import { pillClass } from "@/components/ui/pill-class";
import { archiveOf, categoriesUnder, categoryName, isKnownCategory } from "@/lib/arxiv-taxonomy";
import { categoryPath, scopeBasePath, scopeTitle, type PaperScope } from "@/lib/paper-scope";
import { getCurrentUser } from "@/server/auth/current-user";
import { getViewerFollow } from "@/server/follows/follows";

/** The categories of an archive's page besides the archive's own id (none for a category). */
function subcategories(scope: PaperScope): string[] {
  if (scope.kind !== "category" || !isKnownCategory(scope.value)) return [];
  return categoriesUnder(scope.value).filter((category) => category !== scope.value);
}

/** The page title and feed links of a category's or keyword's page. */
export function scopeMetadata(scope: PaperScope, view: string | null): Metadata {
  const title = scopeTitle(scope);
  const feed = `${scopeBasePath(scope)}/feed`;
  return {
    title: view ? `${title} · ${view}` : title,
    alternates: {
      types: {
        "application/rss+xml": [{ url: `${feed}.xml`, title: `${title} (RSS)` }],
        "application/feed+json": [{ url: `${feed}.json`, title: `${title} (JSON Feed)` }],
      },
    },
  };
}

/**
 * The heading of a category's or keyword's pages: what it is, its views (the latest day and the
 * periods below it, trending) and feeds, and for a category, following or muting it.
 */
export async function ScopeHeader({ scope, view }: { scope: PaperScope; view: "period" | "trending" }) {
  const base = scopeBasePath(scope);
  const archive = scope.kind === "category" ? archiveOf(scope.value) : null;
  const categories = subcategories(scope);
  const viewer = scope.kind === "category" ? await getCurrentUser() : null;
  const following = scope.kind === "category" ? await getViewerFollow(viewer?.id, "CATEGORY", scope.value) : null;
  return (
    <header className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm font-medium text-gray-500 dark:text-gray-400">
            {scope.kind === "keyword" ? "Keyword" : categories.length > 0 ? "arXiv archive" : "arXiv category"}
            {archive && archive !== scope.value && (
              <>
                {" in "}
                <Link href={categoryPath(archive)} className="underline hover:text-gray-800 dark:hover:text-gray-200">
                  {categoryName(archive) ?? archive}
                </Link>
              </>
            )}
          </p>
          <h1 data-testid="scope-title" className="text-2xl font-bold break-words">
            {scopeTitle(scope)}
          </h1>
        </div>
        {scope.kind === "category" && (
          <FollowButtons kind="CATEGORY" value={scope.value} current={following} signedIn={viewer !== null} canMute />
        )}
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <nav aria-label="View" className="flex gap-1">
          <Link href={base} aria-current={view === "period" ? "true" : undefined} className={pillClass(view === "period")}>
            By date
          </Link>
          <Link
            href={`${base}/trending`}
            aria-current={view === "trending" ? "true" : undefined}
            className={pillClass(view === "trending")}
          >
            Trending
          </Link>
        </nav>
        <p className="flex gap-3 text-sm text-gray-600 dark:text-gray-400">
          <a href={`${base}/feed.xml`} className="underline hover:text-gray-900 dark:hover:text-gray-100">
            RSS<span className="sr-only"> feed of {scopeTitle(scope)}</span>
          </a>
          <a href={`${base}/feed.json`} className="underline hover:text-gray-900 dark:hover:text-gray-100">
            JSON Feed<span className="sr-only"> of {scopeTitle(scope)}</span>
          </a>
        </p>
      </div>
      {categories.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-gray-600 dark:text-gray-400">Its {categories.length} categories</summary>
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {categories.map((category) => (
              <li key={category} className="max-w-full">
                <CategoryChip category={category} showName />
              </li>
            ))}
          </ul>
        </details>
      )}
    </header>
  );
}
