import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NoteForm } from "@/components/note-form";
import { PaperCard } from "@/components/paper-card";
import { buttonClasses } from "@/components/ui/button";
import { countOf } from "@/lib/plural";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { saveNoteAction } from "@/server/library/actions";
import { LIBRARY_LIMIT, listLibrary } from "@/server/library/library";
import { getUpvotedPaperIds } from "@/server/votes/votes";

export const metadata: Metadata = { title: "Your library" };

export default async function LibraryPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/auth/signin?callbackUrl=%2Fme%2Flibrary");
  const entries = await listLibrary(db, user.id);
  const upvoted = await getUpvotedPaperIds(
    db,
    user.id,
    entries.map((entry) => entry.paper.id),
  );
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Your library</h1>
          <p className="text-sm text-gray-500 dark:text-gray-400">
            {countOf(entries.length, "saved paper", "saved papers")}, newest saved first
            {entries.length >= LIBRARY_LIMIT && ` (the newest ${LIBRARY_LIMIT.toLocaleString("en-US")} are shown and exported)`}
          </p>
        </div>
        {entries.length > 0 && (
          <nav aria-label="Export" className="flex flex-wrap gap-2">
            <a href="/me/library/export.bib" className={buttonClasses({ size: "sm", tone: "secondary" })}>
              Export BibTeX
            </a>
            <a href="/me/library/export.ris" className={buttonClasses({ size: "sm", tone: "secondary" })}>
              Export RIS
            </a>
            <a href="/me/library/export.csv" className={buttonClasses({ size: "sm", tone: "secondary" })}>
              Export CSV
            </a>
          </nav>
        )}
      </header>
      {entries.length === 0 ? (
        <p className="text-gray-600 dark:text-gray-400">
          Nothing saved yet. Press “Save” on any paper, for example among{" "}
          <Link href="/" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            today’s papers
          </Link>
          .
        </p>
      ) : (
        <ol className="flex flex-col gap-5">
          {entries.map(({ paper, note }) => (
            <li key={paper.id} data-testid="library-entry">
              <PaperCard paper={paper} upvoted={upvoted.has(paper.id)} signedIn saved />
              <NoteForm
                action={saveNoteAction}
                fields={{ paperId: paper.id }}
                paperId={paper.id}
                note={note}
                label="Private note"
                maxLength={2000}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
