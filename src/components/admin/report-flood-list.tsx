import { countOf } from "@/lib/plural";
import { FLOOD_REPORTS_READ, type ReportFlood } from "@/server/moderation/report-flood";

const timeFormat = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

/** Who filed the most reports in the last 24 hours: one account's flood stands out at the top. */
export function ReportFloodList({ flood }: { flood: ReportFlood }) {
  return (
    <div>
      <h3 className="font-semibold">Most reports in the last 24 hours</h3>
      {flood.accounts.length === 0 ? (
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">No reports in the last 24 hours.</p>
      ) : (
        <ol data-testid="report-flood" className="mt-1 flex flex-col gap-1 text-sm">
          {flood.accounts.map(({ reporter, reports, newest }) => (
            <li key={reporter.id}>
              {reporter.email ?? "an account without an address"}
              {reporter.handle && <span className="text-gray-600 dark:text-gray-400"> ({reporter.handle})</span>}:{" "}
              {countOf(reports, "report", "reports")}, the newest at{" "}
              <time dateTime={newest.toISOString()}>{timeFormat.format(newest)}</time>
            </li>
          ))}
        </ol>
      )}
      {flood.capped && (
        <p className="mt-1 text-sm text-amber-700 dark:text-amber-400">
          More reports came in than were counted: these are the counts of {FLOOD_REPORTS_READ.toLocaleString("en-US")} of them.
        </p>
      )}
    </div>
  );
}
