// Cached pages are the same for every reader, whose time zone the server does not know: times are
// shown in UTC, and say so.
const utcTimeFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** A moment as "Dec 7, 2026, 9:15 AM UTC". */
export function UtcTime({ at }: { at: string }) {
  return <time dateTime={at}>{utcTimeFormat.format(new Date(at))}</time>;
}
