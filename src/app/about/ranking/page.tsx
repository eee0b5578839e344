import type { Metadata } from "next";
import { GRAVITY, TRENDING_DAYS } from "@/lib/ranking";

export const metadata: Metadata = { title: "How ranking works" };

// How much more upvotes a paper needs to hold its place when its age doubles.
const DOUBLING_FACTOR = (2 ** GRAVITY).toFixed(1);

export default function RankingPage() {
  return (
    <article className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">How ranking works</h1>
      <p>Trending orders use a time-decayed score in the style of Hacker News and Lobsters:</p>
      <pre className="rounded-lg bg-gray-100 p-3 font-mono text-sm break-words whitespace-pre-wrap dark:bg-gray-900">
        score = (upvotes + 1) / (hours since added + 2) ^ {GRAVITY}
      </pre>
      <ul className="list-disc pl-6">
        <li>
          <strong>upvotes</strong> is the count shown on the card: upvotes imported from Hugging Face plus upvotes cast here.
        </li>
        <li>
          <strong>hours since added</strong> counts from the moment the paper was added to the daily feed (its feed day at 00:00 UTC when
          the exact time is unknown).
        </li>
        <li>
          The <strong>+1</strong> lets a new paper without votes rank above an old one without votes; the <strong>+2</strong> damps the
          first hours.
        </li>
        <li>
          The exponent <strong>{GRAVITY}</strong> (the gravity) means a paper needs about {DOUBLING_FACTOR} times the upvotes to hold its
          place when its age doubles.
        </li>
      </ul>
      <p>
        Each card on a trending list has a “Why here?” note with its own numbers. Other orders are plain: most upvoted, or newest by arXiv
        publication time.
      </p>
      <p>
        The trending page covers papers added in the last {TRENDING_DAYS} days. When none were (an instance whose imports stopped), it shows
        the {TRENDING_DAYS} days up to the latest feed day instead of an empty page.
      </p>
    </article>
  );
}
