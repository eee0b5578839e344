import Link from "next/link";
import { UtcTime } from "@/components/ui/utc-time";
import { countOf } from "@/lib/plural";
import type { ActiveThread } from "@/server/discussions/active-threads";

/** Papers with their latest comment: the title, how many comments, and who said what, when. */
export function ActiveThreadList({ threads }: { threads: ActiveThread[] }) {
  return (
    <ol aria-label="Papers by latest comment" className="flex flex-col gap-3">
      {threads.map(({ paper, latest }) => (
        <li
          key={paper.id}
          data-testid="active-thread"
          className="flex flex-col gap-2 rounded-xl border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
        >
          <h2 className="text-base font-semibold">
            <Link href={`/papers/${paper.id}`} className="hover:underline focus-visible:underline">
              {paper.title}
            </Link>
          </h2>
          <p className="text-sm text-gray-600 dark:text-gray-400">
            <Link
              href={`/papers/${paper.id}#discussion`}
              className="font-medium text-indigo-700 hover:underline focus-visible:underline dark:text-indigo-300"
            >
              {countOf(paper.comments, "comment", "comments")}
              <span className="sr-only"> on {paper.title}</span>
            </Link>
          </p>
          <blockquote className="border-l-2 border-gray-200 pl-3 text-sm dark:border-gray-700">
            <p className="text-xs text-gray-600 dark:text-gray-400">
              {latest.authorHandle ? (
                <Link href={`/users/${latest.authorHandle}`} className="font-medium text-gray-800 hover:underline dark:text-gray-200">
                  {latest.author}
                </Link>
              ) : (
                <span className="font-medium text-gray-800 dark:text-gray-200">{latest.author}</span>
              )}{" "}
              ·{" "}
              <Link href={`/papers/${paper.id}#comment-${latest.id}`} className="hover:underline focus-visible:underline">
                <UtcTime at={latest.createdAt} />
              </Link>
            </p>
            <p data-testid="latest-comment" className="mt-1 break-words text-gray-800 dark:text-gray-200">
              {latest.excerpt}
            </p>
          </blockquote>
        </li>
      ))}
    </ol>
  );
}
