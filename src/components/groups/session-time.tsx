import { formatZonedTime } from "@/lib/groups/zoned-time";

/** A session's start as people where it meets read it, with the zone named. */
export function SessionTime({ startsAt, timeZone }: { startsAt: Date; timeZone: string }) {
  return (
    <time dateTime={startsAt.toISOString()}>
      {formatZonedTime(startsAt, timeZone)} <span className="text-gray-600 dark:text-gray-400">({timeZone.replaceAll("_", " ")})</span>
    </time>
  );
}
