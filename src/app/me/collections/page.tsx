import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CollectionForm } from "@/components/collections/collection-form";
import { collectionPath, MAX_COLLECTIONS, VISIBILITY_LABELS } from "@/lib/collections/collection-form";
import { countOf } from "@/lib/plural";
import { getCurrentUser } from "@/server/auth/current-user";
import { listFollowedCollections, listOwnCollections, type CollectionSummary } from "@/server/collections/collections";
import { db } from "@/server/db";

export const metadata: Metadata = { title: "Your collections" };

function CollectionRow({ collection, byline }: { collection: CollectionSummary; byline: boolean }) {
  return (
    <li data-testid="collection-row" className="flex flex-col gap-1 border-t border-gray-200 pt-3 dark:border-gray-800">
      <Link href={collectionPath(collection)} className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300">
        {collection.name}
      </Link>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        {[
          byline ? `by ${collection.handle}` : VISIBILITY_LABELS[collection.visibility].label,
          countOf(collection.papers, "paper", "papers"),
          collection.visibility === "PUBLIC" ? countOf(collection.followers, "follower", "followers") : null,
          collection.hidden ? "Hidden by a moderator" : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
    </li>
  );
}

export default async function CollectionsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/auth/signin?callbackUrl=%2Fme%2Fcollections");
  const [own, followed] = await Promise.all([listOwnCollections(db, user.id), listFollowedCollections(db, user.id)]);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Your collections</h1>
        <p className="max-w-2xl text-gray-600 dark:text-gray-400">
          Named lists of papers, with notes: keep them to yourself, share them by a secret link, or make them public for others to follow.
          Add papers from any list with a card’s More menu. Your whole library is on{" "}
          <Link href="/me/library" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Your library
          </Link>
          .
        </p>
      </header>

      <section aria-labelledby="own-collections" className="flex flex-col gap-3">
        <h2 id="own-collections" className="text-lg font-semibold">
          Made by you
        </h2>
        {own.length === 0 ? (
          <p className="text-gray-600 dark:text-gray-400">None yet: make your first one below.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {own.map((collection) => (
              <CollectionRow key={collection.id} collection={collection} byline={false} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="new-collection" className="flex max-w-2xl flex-col gap-3">
        <h2 id="new-collection" className="text-lg font-semibold">
          New collection
        </h2>
        {own.length >= MAX_COLLECTIONS ? (
          <p className="text-gray-600 dark:text-gray-400">You have {MAX_COLLECTIONS} collections, the most one reader can have.</p>
        ) : (
          <CollectionForm />
        )}
      </section>

      <section aria-labelledby="followed-collections" className="flex flex-col gap-3">
        <h2 id="followed-collections" className="text-lg font-semibold">
          Collections you follow
        </h2>
        {followed.length === 0 ? (
          <p className="text-gray-600 dark:text-gray-400">
            None. Follow someone’s public collection and the papers they add come to your For you and your digest.
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {followed.map((collection) => (
              <CollectionRow key={collection.id} collection={collection} byline />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
