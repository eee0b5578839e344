"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { MENU_ITEM_CLASS } from "@/components/paper-card/menu-item-class";
import { COLLECTION_NAME_MAX, VISIBILITY_LABELS } from "@/lib/collections/collection-form";
import {
  collectionsForPaperAction,
  createCollectionWithPaperAction,
  setPaperInCollectionAction,
  type CollectionChoice,
} from "@/server/collections/actions";

const unreachable = { ok: false as const, message: "Not changed: we could not reach the server." };

/**
 * "Add to collection" in a card's More menu: the reader's collections as checkboxes (loaded when it
 * opens, so cards cost nothing until then) and a field to make a new one holding the paper.
 */
export function AddToCollection({ paperId, title }: { paperId: string; title: string }) {
  const [collections, setCollections] = useState<CollectionChoice[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState("");
  const nameId = useId();

  const load = () =>
    startTransition(async () => {
      const result = await collectionsForPaperAction(paperId).catch(() => unreachable);
      if (result.ok) setCollections(result.collections);
      else setMessage(result.message);
    });

  const mark = (id: string, holdsPaper: boolean) =>
    setCollections((list) => list?.map((item) => (item.id === id ? { ...item, holdsPaper } : item)) ?? null);

  // Ticked at once, put back if the server refuses.
  const toggle = (collection: CollectionChoice) => {
    const next = !collection.holdsPaper;
    mark(collection.id, next);
    startTransition(async () => {
      const result = await setPaperInCollectionAction(collection.id, paperId, next).catch(() => unreachable);
      if (!result.ok) {
        mark(collection.id, !next);
        return setMessage(result.message);
      }
      setMessage(result.inIt ? `Added to ${collection.name}.` : `Removed from ${collection.name}.`);
    });
  };

  const create = () =>
    startTransition(async () => {
      const result = await createCollectionWithPaperAction(name, paperId).catch(() => unreachable);
      if (!result.ok) return setMessage(result.message);
      setCollections((list) => [result.collection, ...(list ?? [])]);
      setName("");
      setMessage(`Made ${result.collection.name} (private) with this paper.`);
    });

  return (
    <details
      data-testid="add-to-collection"
      className="group/collections"
      onToggle={(event) => {
        if (event.currentTarget.open && collections === null) load();
      }}
    >
      <summary className={`${MENU_ITEM_CLASS} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.6}>
          <path d="M3 6h14M3 10h9M3 14h6M15 12v6M12 15h6" strokeLinecap="round" />
        </svg>
        Add to collection<span className="sr-only">: {title}</span>
      </summary>
      <div className="flex flex-col gap-1 px-2 pt-1 pb-2" aria-busy={pending || undefined}>
        {collections === null ? (
          <p className="text-xs text-gray-600 dark:text-gray-400">{message ?? "Loading your collections…"}</p>
        ) : (
          <>
            {collections.length > 0 && (
              <fieldset className="flex max-h-48 flex-col gap-1 overflow-y-auto">
                <legend className="sr-only">Your collections</legend>
                {collections.map((collection) => (
                  <label
                    key={collection.id}
                    className="flex min-h-8 cursor-pointer items-center gap-2 rounded-md px-1 hover:bg-gray-100 dark:hover:bg-gray-800"
                  >
                    <input
                      type="checkbox"
                      checked={collection.holdsPaper}
                      onChange={() => toggle(collection)}
                      className="size-4 accent-indigo-600"
                    />
                    <span className="min-w-0 flex-1 truncate">{collection.name}</span>
                    <span className="text-xs text-gray-500 dark:text-gray-400">{VISIBILITY_LABELS[collection.visibility].label}</span>
                  </label>
                ))}
              </fieldset>
            )}
            <form
              className="mt-1 flex gap-1"
              onSubmit={(event) => {
                event.preventDefault();
                create();
              }}
            >
              <label htmlFor={nameId} className="sr-only">
                New collection name
              </label>
              <input
                id={nameId}
                value={name}
                onChange={(event) => setName(event.target.value)}
                required
                maxLength={COLLECTION_NAME_MAX}
                placeholder="New collection…"
                className="min-w-0 flex-1 rounded-md border border-gray-300 bg-white px-2 py-1 text-sm dark:border-gray-700 dark:bg-gray-900"
              />
              <button
                type="submit"
                disabled={pending}
                className="rounded-md bg-indigo-600 px-2 py-1 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-70"
              >
                Add
              </button>
            </form>
            <p role="status" className="text-xs text-gray-600 dark:text-gray-400">
              {message}
            </p>
            <Link href="/me/collections" className="text-xs text-indigo-700 hover:underline dark:text-indigo-300">
              Manage collections
            </Link>
          </>
        )}
      </div>
    </details>
  );
}
