import Link from "next/link";
import { LessLikeThisButton } from "@/components/less-like-this-button";
import { reasonText, type ForYouReason } from "@/lib/recs/reason";

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

/** Why a paper is on the reader's for-you, in a line, with the details under "Why" and "Less like this". */
export function ForYouReasonLine({ paperId, title, reason }: { paperId: string; title: string; reason: ForYouReason }) {
  const learned = reason.kind === "similar" || reason.kind === "terms";
  return (
    <div data-testid="for-you-reason" className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
      {learned ? (
        <details className="group min-w-0 flex-1 text-sm">
          <summary className="cursor-pointer font-medium text-indigo-700 marker:text-indigo-400 dark:text-indigo-300">
            {reasonText(reason)} <span className="text-xs font-normal text-gray-500 group-open:hidden dark:text-gray-400">· Why</span>
          </summary>
          <div data-testid="for-you-why" className="mt-1 flex flex-col gap-1 pl-4 text-gray-700 dark:text-gray-300">
            {reason.kind === "similar" && (
              <p>
                Closest of what you saved or upvoted:{" "}
                {reason.closest.map((paper, index) => (
                  <span key={paper.id}>
                    {index > 0 && ", "}
                    <Link href={`/papers/${paper.id}`} className={linkClass}>
                      {paper.title}
                    </Link>
                  </span>
                ))}
                .
              </p>
            )}
            {reason.terms.length > 0 && <p>Terms that counted most: {reason.terms.join(", ")}.</p>}
            <p className="text-gray-500 dark:text-gray-400">
              <Link href="/me#for-you" className="underline">
                What For you has learned
              </Link>
            </p>
          </div>
        </details>
      ) : (
        <p className="min-w-0 flex-1 text-sm font-medium text-indigo-700 dark:text-indigo-300">{reasonText(reason)}</p>
      )}
      <LessLikeThisButton paperId={paperId} title={title} />
    </div>
  );
}
