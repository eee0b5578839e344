"use client";

import { buttonClasses } from "@/components/ui/button";
import { useOptimisticToggle } from "@/components/ui/use-optimistic-toggle";
import { setCollectionFollowedAction } from "@/server/collections/actions";

/** Follows a public collection at once (its new papers come to for-you and the digest), rolled back if refused. */
export function FollowCollectionButton({ collectionId, name, followed }: { collectionId: string; name: string; followed: boolean }) {
  const {
    on: optimistic,
    pending,
    error,
    toggle,
  } = useOptimisticToggle(followed, async (next) => {
    const result = await setCollectionFollowedAction(collectionId, next);
    return result.ok ? { ok: true, on: result.followed } : result;
  });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        data-testid="follow-collection"
        aria-pressed={optimistic}
        aria-busy={pending || undefined}
        onClick={toggle}
        className={buttonClasses({ tone: optimistic ? "secondary" : "primary" })}
      >
        {optimistic ? "Following" : "Follow"}
        <span className="sr-only"> {name}</span>
      </button>
      <span role="status" className="text-sm text-red-700 dark:text-red-400">
        {error}
      </span>
    </span>
  );
}
