import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CollectionForm } from "@/components/collections/collection-form";
import { CollectionPaperRemove } from "@/components/collections/collection-paper-remove";
import { FollowCollectionButton } from "@/components/collections/follow-collection-button";
import { NOT_FOUND_TITLES } from "@/components/not-found-titles";
import { NoteForm } from "@/components/note-form";
import { PaperCard } from "@/components/paper-card";
import { ReportForm } from "@/components/report-form";
import { buttonClasses } from "@/components/ui/button";
import { siteUrl } from "@/env";
import { collectionQuerySchema } from "@/lib/collections/collection-address";
import { COLLECTION_NOTE_MAX, collectionPath, VISIBILITY_LABELS } from "@/lib/collections/collection-form";
import { countOf } from "@/lib/plural";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { deleteCollectionAction, rotateShareKeyAction, setCollectionNoteAction } from "@/server/collections/actions";
import { loadCollectionPage } from "@/server/collections/collection-page";
import { COLLECTION_PAGE_SIZE, listCollectionPapers } from "@/server/collections/collections";
import { db } from "@/server/db";
import { getSavedPaperIds } from "@/server/library/library";
import { getUpvotedPaperIds } from "@/server/votes/votes";

type Props = { params: Promise<{ handle: string; slug: string }>; searchParams: SearchParams };

async function load({ params, searchParams }: Props) {
  const [{ handle, slug }, query] = await Promise.all([params, searchParams]);
  const parsed = collectionQuerySchema.safeParse({ key: firstParam(query.key), page: firstParam(query.page) });
  const key = parsed.success ? (parsed.data.key ?? null) : null;
  return { ...(await loadCollectionPage(handle, slug, key)), key, parsed };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { collection } = await load(props);
  if (!collection) return { title: NOT_FOUND_TITLES.collection };
  const feedPath = `${collectionPath(collection)}/feed.xml`;
  return {
    title: `${collection.name} · a collection by ${collection.handle}`,
    description: collection.description ?? undefined,
    robots: collection.visibility === "PUBLIC" ? undefined : { index: false },
    alternates: collection.visibility === "PUBLIC" ? { types: { "application/rss+xml": feedPath } } : undefined,
  };
}

const linkClass = "font-medium text-indigo-700 hover:underline dark:text-indigo-300";

export default async function CollectionPage(props: Props) {
  const { user, collection, key, parsed } = await load(props);
  if (!collection) notFound();
  const page = parsed.success ? parsed.data.page : 1;
  const { entries, more } = await listCollectionPapers(db, collection.id, { offset: (page - 1) * COLLECTION_PAGE_SIZE });
  const ids = entries.map((entry) => entry.paper.id);
  const [upvoted, saved] = await Promise.all([getUpvotedPaperIds(db, user?.id, ids), getSavedPaperIds(db, user?.id, ids)]);
  const path = collectionPath(collection);
  // Downloads and feeds of a collection that is not public carry its key: they work for whoever has the link.
  const keyed = (suffix: string) =>
    `${path}${suffix}${collection.visibility === "PUBLIC" ? "" : `?key=${encodeURIComponent(collection.shareKey ?? key ?? "")}`}`;
  const shareUrl = collection.shareKey ? new URL(`${path}?key=${encodeURIComponent(collection.shareKey)}`, siteUrl).toString() : null;
  const pageHref = (n: number) => {
    const query = new URLSearchParams({ ...(key && !collection.isOwner ? { key } : {}), ...(n > 1 ? { page: String(n) } : {}) }).toString();
    return query ? `${path}?${query}` : path;
  };
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-3">
        <p className="text-sm">
          {collection.isOwner ? (
            <Link href="/me/collections" className={linkClass}>
              Your collections
            </Link>
          ) : (
            <>
              A collection by{" "}
              <Link href={`/users/${encodeURIComponent(collection.handle)}`} className={linkClass}>
                {collection.handle}
              </Link>
            </>
          )}
        </p>
        <h1 className="text-2xl font-bold break-words">{collection.name}</h1>
        <p data-testid="collection-facts" className="text-sm text-gray-600 dark:text-gray-400">
          {[
            countOf(collection.papers, "paper", "papers"),
            VISIBILITY_LABELS[collection.visibility].label,
            collection.visibility === "PUBLIC" ? countOf(collection.followers, "follower", "followers") : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {collection.hidden && (
          <p role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            A moderator hid this collection: only you can see it now.
          </p>
        )}
        {collection.description && (
          <p className="max-w-2xl break-words whitespace-pre-line text-gray-800 dark:text-gray-200">{collection.description}</p>
        )}
        <div className="flex flex-wrap items-start gap-3">
          {!collection.isOwner && collection.visibility === "PUBLIC" && user && (
            <FollowCollectionButton collectionId={collection.id} name={collection.name} followed={collection.followed} />
          )}
          {!collection.isOwner && collection.visibility === "PUBLIC" && !user && (
            <Link href={`/auth/signin?callbackUrl=${encodeURIComponent(path)}`} className={buttonClasses()}>
              Sign in to follow
            </Link>
          )}
          <nav aria-label="Export and feeds" className="flex flex-wrap gap-2">
            <a href={keyed("/export.bib")} className={buttonClasses({ tone: "secondary", size: "sm" })}>
              BibTeX
            </a>
            <a href={keyed("/export.ris")} className={buttonClasses({ tone: "secondary", size: "sm" })}>
              RIS
            </a>
            <a href={keyed("/feed.xml")} className={buttonClasses({ tone: "secondary", size: "sm" })}>
              RSS
            </a>
            <a href={keyed("/feed.json")} className={buttonClasses({ tone: "secondary", size: "sm" })}>
              JSON Feed
            </a>
          </nav>
        </div>
      </header>

      {!parsed.success && (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          That page number is not valid; showing the first page.
        </p>
      )}

      <section aria-labelledby="collection-papers" className="flex flex-col gap-4">
        <h2 id="collection-papers" className="sr-only">
          Papers
        </h2>
        {entries.length === 0 ? (
          <p className="text-gray-600 dark:text-gray-400">
            {page > 1
              ? "No papers on this page."
              : collection.isOwner
                ? "No papers yet. Add papers from any list: open a card’s More menu, then “Add to collection”."
                : "No papers in this collection yet."}
          </p>
        ) : (
          <ol className="flex flex-col gap-5">
            {entries.map(({ paper, note }) => (
              <li key={paper.id} data-testid="collection-entry">
                <PaperCard paper={paper} upvoted={upvoted.has(paper.id)} signedIn={user !== null} saved={saved.has(paper.id)} />
                {collection.isOwner ? (
                  <div className="flex flex-col gap-1">
                    <NoteForm
                      action={setCollectionNoteAction}
                      fields={{ collectionId: collection.id, paperId: paper.id }}
                      paperId={paper.id}
                      note={note}
                      label={collection.visibility === "PRIVATE" ? "Note" : "Note (shown to whoever sees the collection)"}
                      maxLength={COLLECTION_NOTE_MAX}
                    />
                    <CollectionPaperRemove collectionId={collection.id} paperId={paper.id} title={paper.title} />
                  </div>
                ) : (
                  note && (
                    <blockquote className="mt-2 border-l-2 border-indigo-300 pl-3 text-sm break-words whitespace-pre-line text-gray-700 dark:border-indigo-700 dark:text-gray-300">
                      {note}
                    </blockquote>
                  )
                )}
              </li>
            ))}
          </ol>
        )}
        {(page > 1 || more) && (
          <nav aria-label="More papers" className="flex gap-3 text-sm">
            {page > 1 && (
              <Link href={pageHref(page - 1)} className={linkClass}>
                Newer papers
              </Link>
            )}
            {more && (
              <Link href={pageHref(page + 1)} className={linkClass}>
                Older papers
              </Link>
            )}
          </nav>
        )}
      </section>

      {collection.isOwner && (
        <section
          aria-labelledby="collection-settings"
          className="flex max-w-2xl flex-col gap-4 border-t border-gray-200 pt-6 dark:border-gray-800"
        >
          <h2 id="collection-settings" className="text-lg font-semibold">
            Edit the collection
          </h2>
          <CollectionForm
            collection={{
              id: collection.id,
              name: collection.name,
              description: collection.description,
              visibility: collection.visibility,
            }}
          />
          {collection.visibility === "UNLISTED" && shareUrl && (
            <div className="flex flex-col gap-2 text-sm">
              <p className="font-medium">Secret link</p>
              <input
                readOnly
                value={shareUrl}
                aria-label="Secret link to this collection"
                data-testid="collection-share-link"
                className="w-full rounded-lg border border-gray-300 bg-gray-50 px-3 py-2 font-mono text-xs dark:border-gray-700 dark:bg-gray-900"
              />
              <form action={rotateShareKeyAction}>
                <input type="hidden" name="collectionId" value={collection.id} />
                <button type="submit" className={buttonClasses({ tone: "secondary", size: "sm" })}>
                  Make a new link (the old one stops working)
                </button>
              </form>
            </div>
          )}
          <details className="text-sm">
            <summary className="cursor-pointer py-1 font-medium text-red-700 dark:text-red-400">Delete this collection…</summary>
            <form action={deleteCollectionAction} className="mt-2 flex flex-col items-start gap-2">
              <input type="hidden" name="collectionId" value={collection.id} />
              <p className="text-gray-600 dark:text-gray-400">
                Its papers stay in your library; its link, feeds and followers go. This cannot be undone.
              </p>
              <button type="submit" className={buttonClasses({ tone: "danger", size: "sm" })}>
                Delete “{collection.name}”
              </button>
            </form>
          </details>
        </section>
      )}

      {!collection.isOwner && collection.visibility === "PUBLIC" && user && (
        <ReportForm collectionId={collection.id} summary="Report this collection" />
      )}
    </div>
  );
}
