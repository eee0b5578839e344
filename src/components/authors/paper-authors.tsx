import Link from "next/link";
import { countOf } from "@/lib/plural";
import type { AuthorMark } from "@/server/authors/authorship";

function VerifiedIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="inline size-4 text-indigo-600 dark:text-indigo-400" fill="currentColor">
      <path d="M10 1.5 12.2 3l2.6-.2.9 2.5 2.2 1.4-.7 2.6.7 2.5-2.2 1.5-.9 2.4-2.6-.1L10 17.5 7.8 16l-2.6.1-.9-2.4-2.2-1.5.7-2.5-.7-2.6 2.2-1.4.9-2.5 2.6.2L10 1.5Zm3.3 5.8-4.4 4.5-2.2-2.2-1 1 3.2 3.2 5.4-5.5-1-1Z" />
    </svg>
  );
}

/** The paper's authors, each linking to their page here, with a mark on those verified on Hugging Face or here. */
export function PaperAuthors({ authors, marks }: { authors: string[]; marks: Map<string, AuthorMark> }) {
  return (
    <section aria-labelledby="paper-authors-heading">
      <h2 id="paper-authors-heading" className="text-lg font-semibold">
        <span data-testid="paper-authors">{countOf(authors.length, "author", "authors")}</span>
      </h2>
      <ul data-testid="author-list" className="mt-2 flex flex-wrap gap-x-1 text-gray-700 dark:text-gray-300">
        {authors.map((author, index) => {
          const mark = marks.get(author);
          return (
            <li key={`${index}-${author}`} data-verified={mark ? "" : undefined}>
              <Link href={`/authors/${encodeURIComponent(author)}`} className="hover:underline">
                {author}
              </Link>
              {mark && (
                <span className="ml-0.5 inline-flex items-center gap-0.5 text-xs text-gray-500 dark:text-gray-400">
                  <VerifiedIcon />
                  <span className="sr-only">verified author</span>
                  {mark.handle && (
                    <Link href={`/users/${encodeURIComponent(mark.handle)}`} className="underline" data-testid="verified-handle">
                      {mark.handle}
                    </Link>
                  )}
                  {mark.hfUser && (
                    <a href={`https://huggingface.co/${encodeURIComponent(mark.hfUser)}`} rel="noopener noreferrer" className="underline">
                      @{mark.hfUser}
                      <span className="sr-only"> on Hugging Face</span>
                    </a>
                  )}
                </span>
              )}
              {index < authors.length - 1 && ","}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
