import Link from "next/link";
import { ActionButton } from "@/components/admin/moderation-panel";
import type { PendingClaim } from "@/server/authors/author-claims";

/** The console's undecided author claims, oldest first, each with its evidence and Approve / Reject. */
export function AuthorClaimsPanel({ claims }: { claims: PendingClaim[] }) {
  if (claims.length === 0) return <p className="text-sm text-gray-600 dark:text-gray-400">No author claims to decide.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {claims.map((claim) => (
        <li
          key={claim.id}
          data-testid="author-claim"
          className="flex flex-col gap-2 border-t border-gray-100 pt-3 text-sm dark:border-gray-800"
        >
          <p>
            <span className="font-medium">{claim.claimant}</span> says they are <span className="font-medium">{claim.authorName}</span> on{" "}
            <Link href={`/papers/${claim.paperId}`} className="font-medium underline">
              {claim.paperTitle}
            </Link>
          </p>
          <p className="text-gray-600 dark:text-gray-400">{claim.evidence}</p>
          <div className="flex flex-wrap gap-2">
            <ActionButton
              kind="APPROVE_AUTHOR_CLAIM"
              target={claim.id}
              reason={`Verified ${claim.authorName} on ${claim.paperId}`}
              label="Approve"
            />
            <ActionButton kind="REJECT_AUTHOR_CLAIM" target={claim.id} reason="Not enough evidence" label="Reject" tone="danger" />
          </div>
        </li>
      ))}
    </ul>
  );
}
