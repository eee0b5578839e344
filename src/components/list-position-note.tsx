import Link from "next/link";

export interface ListPositionNoteProps {
  /** Position of the page's first card in the list (0-based), cards on this page, cards in all. */
  offset: number;
  count: number;
  total: number;
  /** The list's first page. */
  firstHref: string;
  /** Cards per full page (every list pages by 50: PAGE_SIZE in src/server/papers/list-pages.ts). */
  pageSize?: number;
}

/**
 * "Page 2 of 14 · Back to the top", above a list reached by "Show more": says where the reader is
 * before the cards, and links back to the first page. Nothing on the first page.
 */
export function ListPositionNote({ offset, count, total, firstHref, pageSize = 50 }: ListPositionNoteProps) {
  if (offset <= 0 || count <= 0) return null;
  const page = Math.floor(offset / pageSize) + 1;
  const pages = Math.max(page, Math.ceil(total / pageSize));
  return (
    <p data-testid="list-page-note" className="text-sm text-gray-600 dark:text-gray-400">
      Page {page.toLocaleString("en-US")} of {pages.toLocaleString("en-US")} ·{" "}
      <Link href={firstHref} className="inline-block py-0.5 font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        Back to the top
      </Link>
    </p>
  );
}
