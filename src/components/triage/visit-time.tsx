// The server does not know the reader's time zone: times are shown in UTC, and say so.
const visitTimeFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** When the reader's previous visit was, as "Dec 7, 9:15 AM UTC". */
export function VisitTime({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{visitTimeFormat.format(at)}</time>;
}
