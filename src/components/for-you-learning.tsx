import Link from "next/link";
import { ForYouLearningControls } from "@/components/for-you-learning-controls";
import { countOf } from "@/lib/plural";
import type { LearnedSummary } from "@/server/recs/learned-summary";

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

function Terms({ label, terms, testId }: { label: string; terms: { term: string; weight: number }[]; testId: string }) {
  if (terms.length === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="text-sm font-medium text-gray-900 dark:text-gray-100">{label}</h3>
      <ul data-testid={testId} className="mt-1 flex flex-wrap gap-1.5">
        {terms.map(({ term, weight }) => (
          <li key={term} className="rounded-md bg-gray-100 px-2 py-0.5 text-sm text-gray-800 dark:bg-gray-800 dark:text-gray-200">
            {term} <span className="text-xs text-gray-600 tabular-nums dark:text-gray-400">{weight.toFixed(2)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** /me's "What For you has learned": the terms with their weights, the papers it learns from, pause and reset. */
export function ForYouLearning({ summary }: { summary: LearnedSummary }) {
  return (
    <>
      {summary.hasModel ? (
        <p className="mt-2 text-gray-700 dark:text-gray-300">
          For you ranks papers by a model of what you keep, trained on {countOf(summary.positivesCount, "paper", "papers")} you saved or
          upvoted, against papers you hid and papers you passed over.
          {summary.paused && " Learning is paused: the model stays as it is until you resume."}
        </p>
      ) : (
        <p className="mt-2 text-gray-700 dark:text-gray-300">
          Nothing learned yet. Save or upvote {countOf(summary.positivesNeeded, "more paper", "more papers")} and{" "}
          <Link href="/papers/for-you" className={linkClass}>
            For you
          </Link>{" "}
          ranks papers by what you keep; until then it shows what you follow and the week’s trending.
          {summary.paused && " Learning is paused."}
        </p>
      )}
      <Terms label="Terms that raise a paper" terms={summary.liked} testId="learned-terms" />
      <Terms label="Terms that lower a paper" terms={summary.disliked} testId="learned-negative-terms" />
      {summary.positives.length > 0 && (
        <div className="mt-3">
          <h3 className="text-sm font-medium text-gray-900 dark:text-gray-100">
            Learned from{summary.positivesCount > summary.positives.length && ` (the newest ${summary.positives.length})`}
          </h3>
          <ul data-testid="learned-positives" className="mt-1 list-disc pl-5 text-sm">
            {summary.positives.map((paper) => (
              <li key={paper.id}>
                <Link href={`/papers/${paper.id}`} className={linkClass}>
                  {paper.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ForYouLearningControls paused={summary.paused} hasSignals={summary.positivesCount > 0 || summary.hasModel} />
    </>
  );
}
