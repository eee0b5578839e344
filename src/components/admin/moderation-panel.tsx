import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { MODERATION_LABELS, type ModerationKindName } from "@/lib/moderation";
import type { ModerationLogEntry, OpenReport } from "@/server/moderation/queue";

const inputClass = "rounded-lg border border-gray-300 bg-white px-3 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-900";

/** One moderator action as a plain form post to /api/admin/moderation. */
export function ActionButton({
  kind,
  target,
  reason,
  label,
  tone,
}: {
  kind: ModerationKindName;
  target: string;
  reason: string;
  label: string;
  tone?: "danger";
}) {
  return (
    <form action="/api/admin/moderation" method="post" className="flex items-center gap-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="reason" value={reason} />
      <button type="submit" className={buttonClasses({ size: "sm", tone: tone === "danger" ? "danger" : "secondary" })}>
        {label}
      </button>
      <label className="flex items-center gap-1 text-xs text-gray-600 dark:text-gray-400">
        <input type="checkbox" name="reasonPrivate" className="size-4" />
        <span>
          private<span className="sr-only"> reason for {label}</span>
        </span>
      </label>
    </form>
  );
}

function ReportedItem({ target }: { target: OpenReport["target"] }) {
  switch (target.type) {
    case "paper":
      return (
        <p>
          Paper{" "}
          <Link href={`/papers/${target.paperId}`} className="font-medium underline">
            {target.title}
          </Link>
        </p>
      );
    case "comment":
      return (
        <p>
          Comment by {target.authorEmail ?? "a deleted account"} on{" "}
          <Link href={`/papers/${target.paperId}#comment-${target.commentId}`} className="font-medium underline">
            {target.paperId}
          </Link>
          : “{target.excerpt}”
        </p>
      );
    case "collection":
      return (
        <p>
          Collection{" "}
          <Link href={target.path} className="font-medium underline">
            {target.name}
          </Link>{" "}
          by {target.ownerEmail ?? "a deleted account"} (id {target.collectionId})
        </p>
      );
  }
}

function ReportRow({ report }: { report: OpenReport }) {
  const why = `Reported: ${report.reason}`;
  const { target } = report;
  return (
    <li data-testid="report" className="flex flex-col gap-2 border-t border-gray-100 pt-3 text-sm dark:border-gray-800">
      <ReportedItem target={target} />
      <p className="text-gray-600 dark:text-gray-400">Reason: {report.reason}</p>
      <div className="flex flex-wrap gap-2">
        {target.type === "paper" && (
          <ActionButton kind="HIDE_PAPER" target={target.paperId} reason={why} label="Hide paper" tone="danger" />
        )}
        {target.type === "comment" && (
          <ActionButton kind="HIDE_COMMENT" target={target.commentId} reason={why} label="Hide comment" tone="danger" />
        )}
        {target.type === "collection" && (
          <ActionButton kind="HIDE_COLLECTION" target={target.collectionId} reason={why} label="Hide collection" tone="danger" />
        )}
        {target.type === "comment" && target.authorEmail && (
          <ActionButton kind="BAN_USER" target={target.authorEmail} reason={why} label="Ban author" tone="danger" />
        )}
        {target.type === "collection" && target.ownerEmail && (
          <ActionButton kind="BAN_USER" target={target.ownerEmail} reason={why} label="Ban owner" tone="danger" />
        )}
        <ActionButton kind="DISMISS_REPORT" target={report.id} reason="Nothing to act on" label="Dismiss" />
      </div>
    </li>
  );
}

/** The console's moderation: open reports, a form for any action, and the log of what was done. */
export function ModerationPanel({ reports, log }: { reports: OpenReport[]; log: ModerationLogEntry[] }) {
  return (
    <div className="flex flex-col gap-5">
      {reports.length === 0 ? (
        <p className="text-gray-600 dark:text-gray-400">No open reports.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {reports.map((report) => (
            <ReportRow key={report.id} report={report} />
          ))}
        </ul>
      )}

      <form action="/api/admin/moderation" method="post" className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Action</span>
          <select name="kind" className={inputClass} defaultValue="HIDE_PAPER">
            {(Object.keys(MODERATION_LABELS) as ModerationKindName[])
              .filter((kind) => kind !== "DISMISS_REPORT")
              .map((kind) => (
                <option key={kind} value={kind}>
                  {MODERATION_LABELS[kind]}
                </option>
              ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Paper id, comment id, collection id or address</span>
          <input name="target" required className={inputClass} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Reason</span>
          <input name="reason" required maxLength={500} className={inputClass} />
        </label>
        <label className="flex items-center gap-2 py-1.5">
          <input type="checkbox" name="reasonPrivate" className="size-4" />
          <span>Keep the reason private</span>
        </label>
        <button type="submit" className={buttonClasses({ size: "sm" })}>
          Apply
        </button>
      </form>

      <div>
        <h3 className="font-semibold">Moderation log</h3>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Readers see it at{" "}
          <Link href="/moderation" className="underline">
            /moderation
          </Link>
          , without addresses and without the reasons marked private.
        </p>
        {log.length === 0 ? (
          <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">No moderator has acted yet.</p>
        ) : (
          <ul data-testid="moderation-log" className="mt-1 flex flex-col gap-1 text-sm">
            {log.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.createdAt.toISOString()}>{entry.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time> ·{" "}
                {entry.moderator} {MODERATION_LABELS[entry.kind]} <span className="font-mono">{entry.target}</span>: {entry.reason}
                {entry.reasonPrivate && <span className="text-gray-500 dark:text-gray-400"> (private)</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
