import Link from "next/link";
import { SessionTime } from "@/components/groups/session-time";
import { countOf } from "@/lib/plural";
import type { SessionSummary } from "@/server/groups/sessions";

/** Sessions as an agenda list: when, which papers, who presents, how many questions; each links to its page. */
export function SessionList({ slug, sessions, label }: { slug: string; sessions: SessionSummary[]; label: string }) {
  return (
    <ol aria-label={label} className="flex flex-col gap-3">
      {sessions.map((session) => (
        <li
          key={session.id}
          data-testid="group-session"
          className="rounded-xl border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
        >
          <h3 className="font-semibold">
            <Link href={`/groups/${slug}/sessions/${session.id}`} className="hover:underline focus-visible:underline">
              <SessionTime startsAt={session.startsAt} timeZone={session.timeZone} />
            </Link>
          </h3>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {session.papers.map((paper) => (
              <li key={paper.id}>
                <Link href={`/papers/${paper.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  {paper.title}
                </Link>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
            {[
              session.presenter && `Presented by ${session.presenter}`,
              countOf(session.durationMinutes, "minute", "minutes"),
              countOf(session.questionCount, "question", "questions"),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </li>
      ))}
    </ol>
  );
}
