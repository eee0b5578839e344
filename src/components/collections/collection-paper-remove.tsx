"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setPaperInCollectionAction } from "@/server/collections/actions";

/** The owner's "Remove from collection" under a paper on the collection's page (the paper stays in the library). */
export function CollectionPaperRemove({ collectionId, paperId, title }: { collectionId: string; paperId: string; title: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        disabled={pending}
        aria-busy={pending || undefined}
        onClick={() =>
          startTransition(async () => {
            const result = await setPaperInCollectionAction(collectionId, paperId, false).catch(() => ({
              ok: false as const,
              message: "Not removed: we could not reach the server.",
            }));
            if (result.ok) router.refresh();
            else setError(result.message);
          })
        }
        className="self-start py-1 text-sm text-gray-600 underline hover:text-gray-900 disabled:opacity-70 dark:text-gray-400 dark:hover:text-gray-100"
      >
        {pending ? "Removing…" : "Remove from collection"}
        <span className="sr-only">: {title}</span>
      </button>
      <span role="status" className="text-sm text-red-700 dark:text-red-400">
        {error}
      </span>
    </div>
  );
}
