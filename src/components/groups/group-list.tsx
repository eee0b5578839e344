import Link from "next/link";
import { formatZonedTime } from "@/lib/groups/zoned-time";
import { countOf } from "@/lib/plural";
import { shorten } from "@/lib/text";
import type { GroupSummary } from "@/server/groups/group-lists";

/** Group cards: name, what it reads, members, the next session, and (for public groups) the calendar feed. */
export function GroupList({ groups, label, roles }: { groups: GroupSummary[]; label: string; roles?: Map<string, string> }) {
  return (
    <ul aria-label={label} className="grid gap-3 sm:grid-cols-2">
      {groups.map((group) => (
        <li
          key={group.slug}
          data-testid="group-card"
          className="flex flex-col gap-2 rounded-xl border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
        >
          <h3 className="text-lg font-semibold">
            <Link href={`/groups/${group.slug}`} className="hover:underline focus-visible:underline">
              {group.name}
            </Link>
          </h3>
          {group.description && <p className="text-sm text-gray-700 dark:text-gray-300">{shorten(group.description, 200)}</p>}
          <p className="text-sm text-gray-600 dark:text-gray-400">
            {[
              countOf(group.memberCount, "member", "members"),
              group.visibility === "INVITE" ? "Invite-only" : null,
              roles?.get(group.slug) === "ORGANIZER" ? "You organize it" : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <p className="text-sm text-gray-600 dark:text-gray-400">
            {group.nextSession
              ? `Next: ${formatZonedTime(group.nextSession.startsAt, group.nextSession.timeZone)}`
              : "No session scheduled yet"}
          </p>
          {group.visibility === "PUBLIC" && (
            <p className="mt-auto text-sm">
              <a href={`/groups/${group.slug}/calendar.ics`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                Calendar (.ics)<span className="sr-only"> for {group.name}</span>
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
