import type { PaperCardDto } from "@/server/queries/paper-dto";

const numberFormat = new Intl.NumberFormat("en-US");

export function PaperCard({ paper }: { paper: PaperCardDto }) {
  const authorCount = paper.authors.length;
  return (
    <article
      data-testid="paper-card"
      className="flex gap-4 rounded-xl border border-gray-200 p-4 dark:border-gray-800"
    >
      <div className="flex w-14 shrink-0 flex-col items-center rounded-lg border border-gray-200 py-2 dark:border-gray-700">
        <span aria-hidden className="text-xs">▲</span>
        <span data-testid="paper-upvotes" className="font-semibold tabular-nums" aria-label={`${paper.upvotes} upvotes`}>
          {paper.upvotes}
        </span>
      </div>
      <div className="min-w-0 flex-1">
        <h2 data-testid="paper-title" className="text-lg leading-snug font-semibold">
          {paper.title}
        </h2>
        <p className="mt-1 line-clamp-3 text-sm text-gray-600 dark:text-gray-400">{paper.abstract}</p>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-gray-500 dark:text-gray-400">
          <span data-testid="paper-authors" title={paper.authors.join(", ")}>
            {numberFormat.format(authorCount)} {authorCount === 1 ? "author" : "authors"}
          </span>
          {paper.organization && (
            <span data-testid="org-badge" className="font-medium text-gray-700 dark:text-gray-300">
              {paper.organization.fullName}
            </span>
          )}
        </div>
      </div>
    </article>
  );
}
