import Link from "next/link";
import { categoryName } from "@/lib/arxiv-taxonomy";
import { categoryPath, keywordPath } from "@/lib/paper-scope";

const chipClass =
  "inline-flex max-w-full items-center gap-1 bg-gray-100 px-1.5 py-0.5 text-xs font-medium text-gray-700 dark:bg-gray-800 dark:text-gray-300";
const linkChipClass = `${chipClass} hover:bg-gray-200 hover:text-gray-900 dark:hover:bg-gray-700 dark:hover:text-white`;

/**
 * An arXiv category as a small chip linking to its page: the id shows, with its name beside it
 * (`showName`) or on hover and read out after the id. An id arXiv does not list (an old archive)
 * has no page, so it is plain text.
 */
export function CategoryChip({ category, showName = false }: { category: string; showName?: boolean }) {
  const name = categoryName(category);
  if (!name) return <span className={`${chipClass} rounded-md font-mono`}>{category}</span>;
  return (
    <Link
      data-testid="category-chip"
      href={categoryPath(category)}
      title={name}
      aria-label={showName ? undefined : `${category}: ${name}`}
      className={`${linkChipClass} rounded-md`}
    >
      <span className="font-mono">{category}</span>
      {/* The space is not drawn between flex items, but separates the two in the link's name. */}
      {showName && (
        <>
          {" "}
          <span className="truncate font-normal">{name}</span>
        </>
      )}
    </Link>
  );
}

/** A Hugging Face keyword as a chip linking to its page. */
export function KeywordChip({ keyword }: { keyword: string }) {
  return (
    <Link data-testid="keyword-chip" href={keywordPath(keyword)} className={`${linkChipClass} rounded-full`}>
      {keyword}
    </Link>
  );
}

/** A paper's categories (primary first, with their names) and keywords, each a link to its page. */
export function PaperTopics({ categories, keywords }: { categories: string[]; keywords: string[] }) {
  if (categories.length === 0 && keywords.length === 0) return null;
  const rowClass = "flex flex-wrap items-center gap-x-2 gap-y-1";
  const termClass = "text-gray-600 dark:text-gray-400";
  return (
    <dl data-testid="paper-topics" className="flex flex-col gap-2 text-sm">
      {categories.length > 0 && (
        <div className={rowClass}>
          <dt className={termClass}>{categories.length === 1 ? "Category" : "Categories"}</dt>
          <dd>
            <ul className="flex flex-wrap gap-1.5">
              {categories.map((category) => (
                <li key={category} className="max-w-full">
                  <CategoryChip category={category} showName />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {keywords.length > 0 && (
        <div className={rowClass}>
          <dt className={termClass}>Keywords</dt>
          <dd>
            <ul className="flex flex-wrap gap-1.5">
              {keywords.map((keyword) => (
                <li key={keyword} className="max-w-full">
                  <KeywordChip keyword={keyword} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}
