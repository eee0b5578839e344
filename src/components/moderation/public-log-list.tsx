import Link from "next/link";
import { UtcTime } from "@/components/ui/utc-time";
import { MODERATION_LABELS } from "@/lib/moderation";
import type { PublicLogEntry, PublicTarget } from "@/server/moderation/public-log";

function Target({ target }: { target: PublicTarget }) {
  return (
    <>
      {target.before && <>{target.before} </>}
      {target.href ? (
        <Link href={target.href} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {target.text}
        </Link>
      ) : (
        <span className="font-medium">{target.text}</span>
      )}
    </>
  );
}

/** The public moderation log: when, which moderator, what they did to what, and why (unless private). */
export function PublicLogList({ entries }: { entries: PublicLogEntry[] }) {
  return (
    <ol aria-label="Moderator actions, newest first" className="flex flex-col divide-y divide-gray-200 dark:divide-gray-800">
      {entries.map((entry) => (
        <li key={entry.id} data-testid="moderation-entry" className="flex flex-col gap-1 py-3 text-sm">
          <p className="text-xs text-gray-600 dark:text-gray-400">
            <UtcTime at={entry.createdAt} /> · {entry.moderator}
          </p>
          <p>
            <span className="font-semibold">{MODERATION_LABELS[entry.kind]}</span> <Target target={entry.target} />
          </p>
          <p className="break-words text-gray-700 dark:text-gray-300">
            {entry.reason === null ? (
              <span className="text-gray-600 italic dark:text-gray-400">Reason: (private)</span>
            ) : (
              <>Reason: {entry.reason}</>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
