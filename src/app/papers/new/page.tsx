import type { Metadata } from "next";
import Link from "next/link";
import { PaperList } from "@/components/paper-list";
import { VisitTime } from "@/components/triage/visit-time";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import {
  getNewSinceLastVisit,
  NEW_PAPERS_MAX_DAYS,
  newPapersCursorSchema,
  newPapersSince,
  type NewPapersPage,
} from "@/server/triage/new-papers";
import { getViewerVisit } from "@/server/triage/viewer";

export const metadata: Metadata = { title: "New since your last visit" };

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";
const pagerLinkClass =
  "inline-flex min-h-9 items-center rounded-lg border border-gray-300 px-4 font-semibold text-gray-800 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-gray-700 dark:text-gray-100 dark:hover:bg-gray-900";

/** /papers/new: the papers added since the reader's previous visit, oldest first, so a few days away are caught up in one place. */
export default async function NewPapersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <Intro>
        <Link href="/auth/signin?callbackUrl=%2Fpapers%2Fnew" className={linkClass}>
          Sign in
        </Link>{" "}
        and this page lists the papers added since your last visit, oldest first: after a few days away, you catch up here in one place.
        Papers you have seen are dimmed, and papers you hide stay out of every list.
      </Intro>
    );
  }
  const visit = await getViewerVisit();
  if (!visit?.previousVisitAt) {
    return (
      <Intro>
        This is your first visit we know of. From your next one (30 minutes or more after you last looked at the feed), this page lists the
        papers added meanwhile, oldest first. Until then, see{" "}
        <Link href="/" className={linkClass}>
          the latest papers
        </Link>
        .
      </Intro>
    );
  }
  const { since, clamped } = newPapersSince(visit.previousVisitAt, new Date());
  const cursor = newPapersCursorSchema.safeParse(firstParam((await searchParams).cursor));
  const page = await getNewSinceLastVisit(db, user.id, { since, cursor: cursor.success ? cursor.data : null });
  return (
    <div className="flex flex-col gap-4 sm:gap-6">
      <header>
        <h1 className="text-2xl font-bold">New since your last visit</h1>
        <p className="text-sm text-gray-500 dark:text-gray-400">
          {clamped ? (
            `Papers added in the last ${NEW_PAPERS_MAX_DAYS} days (your last visit was longer ago), oldest first.`
          ) : (
            <>
              Papers added since your last visit (<VisitTime at={since} />
              ), oldest first.
            </>
          )}{" "}
          Hidden papers are left out.
        </p>
      </header>
      {page.papers.length === 0 ? (
        <section
          data-testid="caught-up"
          className="rounded-xl border border-dashed border-gray-300 px-6 py-12 text-center dark:border-gray-700"
        >
          <h2 className="text-lg font-semibold">You’re all caught up</h2>
          <p className="mt-1 text-gray-600 dark:text-gray-400">
            {page.offset > 0 ? "There are no more papers added since your last visit." : "Nothing was added since your last visit."}{" "}
            <Link href="/" className={linkClass}>
              Back to the feed
            </Link>
          </p>
        </section>
      ) : (
        <>
          <PaperList papers={page.papers} startAt={page.offset + 1} />
          <NewPapersPager page={page} />
        </>
      )}
    </div>
  );
}

function Intro({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">New since your last visit</h1>
      <p className="text-gray-700 dark:text-gray-300">{children}</p>
    </div>
  );
}

/** "Showing 51–100 of 230" (or "of 1,000+"), "Show more" and "Back to the top", as the other lists have them. */
function NewPapersPager({ page }: { page: NewPapersPage }) {
  const count = page.papers.length;
  const total = page.offset + page.remaining;
  if (page.offset === 0 && !page.nextCursor) return null;
  return (
    <nav aria-label="More papers" className="flex flex-wrap items-center justify-between gap-3 text-sm text-gray-600 dark:text-gray-400">
      <p data-testid="list-position">
        Showing {page.offset + 1}–{page.offset + count} of {total.toLocaleString("en-US")}
        {page.capped && "+"}
      </p>
      <div className="flex gap-2">
        {page.offset > 0 && (
          <Link href="/papers/new" className={pagerLinkClass}>
            Back to the top
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={`/papers/new?${new URLSearchParams({ cursor: page.nextCursor })}`}
            rel="next"
            data-testid="show-more"
            className={pagerLinkClass}
          >
            Show more
          </Link>
        )}
      </div>
    </nav>
  );
}
