import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuestionForm } from "@/components/groups/question-form";
import { QuestionVoteButton } from "@/components/groups/question-vote-button";
import { SessionTime } from "@/components/groups/session-time";
import { NOT_FOUND_TITLES } from "@/components/not-found-titles";
import { PaperCard } from "@/components/paper-card";
import { buttonClasses } from "@/components/ui/button";
import { FormActionButton } from "@/components/ui/form-action-button";
import { isWebLink } from "@/lib/groups/session-form";
import { formatZonedTime } from "@/lib/groups/zoned-time";
import { countOf } from "@/lib/plural";
import { db } from "@/server/db";
import { joinGroupAction } from "@/server/groups/actions";
import { loadSessionPage } from "@/server/groups/group-page";
import { listQuestions } from "@/server/groups/questions";
import { sessionEnd } from "@/server/groups/sessions";
import { getUpvotedPaperIds } from "@/server/votes/votes";

type Params = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, id } = await params;
  const { page } = await loadSessionPage(slug, id);
  if (!page) return { title: NOT_FOUND_TITLES.groupSession };
  return {
    title: `${page.group.name}, ${formatZonedTime(page.session.startsAt, page.session.timeZone)}`,
    robots: page.group.visibility === "INVITE" ? { index: false } : undefined,
  };
}

export default async function SessionPage({ params }: Params) {
  const { slug, id } = await params;
  const { user, page } = await loadSessionPage(slug, id);
  if (!page) notFound();
  const { group, session } = page;
  const [questions, upvoted] = await Promise.all([
    listQuestions(db, session.id, user?.id ?? null),
    getUpvotedPaperIds(
      db,
      user?.id,
      session.papers.map((paper) => paper.id),
    ),
  ]);
  const over = sessionEnd(session) <= new Date();
  const member = group.role !== null;
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href={`/groups/${group.slug}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
            {group.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          <SessionTime startsAt={session.startsAt} timeZone={session.timeZone} />
        </h1>
        <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {session.timeZone !== group.timeZone && (
            <>
              <dt className="font-medium">In the group’s zone</dt>
              <dd>{formatZonedTime(session.startsAt, group.timeZone)}</dd>
            </>
          )}
          <dt className="font-medium">Length</dt>
          <dd>{countOf(session.durationMinutes, "minute", "minutes")}</dd>
          {session.presenter && (
            <>
              <dt className="font-medium">Presenter</dt>
              <dd>{session.presenter}</dd>
            </>
          )}
          {session.location && (
            <>
              <dt className="font-medium">Where</dt>
              <dd className="break-all">
                {isWebLink(session.location) ? (
                  <a href={session.location} rel="noopener noreferrer nofollow" className="text-indigo-700 underline dark:text-indigo-300">
                    {session.location}
                  </a>
                ) : (
                  session.location
                )}
              </dd>
            </>
          )}
        </dl>
        {session.notes && <p className="max-w-2xl whitespace-pre-line text-gray-800 dark:text-gray-200">{session.notes}</p>}
      </header>

      <section aria-labelledby="papers" className="flex flex-col gap-3">
        <h2 id="papers" className="text-lg font-semibold">
          {countOf(session.papers.length, "paper", "papers")}
        </h2>
        <ol className="flex flex-col gap-4">
          {session.papers.map((paper) => (
            <li key={paper.id}>
              <PaperCard paper={paper} upvoted={upvoted.has(paper.id)} signedIn={Boolean(user)} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="questions" className="flex flex-col gap-4">
        <h2 id="questions" className="text-lg font-semibold">
          Questions ({questions.length})
        </h2>
        {questions.length === 0 ? (
          <p className="text-gray-600 dark:text-gray-400">No questions yet.{member && !over ? " Add the first one below." : ""}</p>
        ) : (
          <ol aria-label="Questions, most upvoted first" className="flex flex-col gap-3">
            {questions.map((question) => (
              <li
                key={question.id}
                data-testid="session-question"
                className="flex gap-3 rounded-xl border border-gray-200 bg-white p-3 dark:border-gray-800 dark:bg-gray-900"
              >
                <QuestionVoteButton
                  questionId={question.id}
                  count={question.upvotes}
                  upvoted={question.upvoted}
                  canVote={member && !question.mine}
                  reason={question.mine ? "yours" : undefined}
                />
                <div className="min-w-0 flex-1">
                  <p className="break-words whitespace-pre-line">{question.body}</p>
                  <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">
                    {question.authorHandle ? (
                      <Link href={`/users/${question.authorHandle}`} className="hover:underline">
                        {question.author}
                      </Link>
                    ) : (
                      question.author
                    )}{" "}
                    · <time dateTime={question.createdAt.toISOString()}>{formatZonedTime(question.createdAt, session.timeZone)}</time>
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )}
        {member && !over && <QuestionForm slug={group.slug} sessionId={session.id} />}
        {member && over && <p className="text-sm text-gray-600 dark:text-gray-400">This session is over, so it takes no more questions.</p>}
        {!user && (
          <p>
            <Link
              href={`/auth/signin?callbackUrl=${encodeURIComponent(`/groups/${group.slug}/sessions/${session.id}`)}`}
              className={buttonClasses({ tone: "secondary" })}
            >
              Sign in to join and ask
            </Link>
          </p>
        )}
        {user && !member && (
          <div className="flex flex-col gap-2">
            <p className="text-sm text-gray-700 dark:text-gray-300">Members add questions and upvote them.</p>
            <FormActionButton action={joinGroupAction} fields={{ slug: group.slug }} label="Join group" pendingLabel="Joining…" />
          </div>
        )}
      </section>
    </div>
  );
}
