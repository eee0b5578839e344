import type { SyncRunRow } from "@/server/admin/overview";

const STATUS_CLASSES: Record<SyncRunRow["status"], string> = {
  SUCCEEDED: "text-green-700 dark:text-green-400",
  FAILED: "text-red-700 dark:text-red-400",
  RUNNING: "text-amber-700 dark:text-amber-400",
};

function duration(run: SyncRunRow): string {
  if (!run.finishedAt) return "running";
  const seconds = (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds / 60)} min`;
}

/** The newest sync runs, one row per source and run, newest first. */
export function SyncRunsTable({ runs }: { runs: SyncRunRow[] }) {
  if (runs.length === 0) {
    return (
      <p className="mt-2 text-gray-600 dark:text-gray-400">No sync has run yet. Press “Sync now”, or schedule one (see the README).</p>
    );
  }
  return (
    <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Sync runs">
      <table data-testid="sync-runs" className="w-full text-left text-sm">
        <thead className="text-gray-500 dark:text-gray-400">
          <tr>
            <th className="py-1 pr-3 font-medium">Started (UTC)</th>
            <th className="py-1 pr-3 font-medium">Source</th>
            <th className="py-1 pr-3 font-medium">Status</th>
            <th className="py-1 pr-3 font-medium">Took</th>
            <th className="py-1 pr-3 text-right font-medium">New</th>
            <th className="py-1 pr-3 text-right font-medium">Updated</th>
            <th className="py-1 pr-3 text-right font-medium">Unchanged</th>
            <th className="py-1 pr-3 text-right font-medium">Skipped</th>
            <th className="py-1 font-medium">Error</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-t border-gray-100 align-top dark:border-gray-800">
              <td className="py-1 pr-3 whitespace-nowrap">{run.startedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              <td className="py-1 pr-3 font-mono">{run.source}</td>
              <td className={`py-1 pr-3 font-medium ${STATUS_CLASSES[run.status]}`}>{run.status.toLowerCase()}</td>
              <td className="py-1 pr-3 whitespace-nowrap">{duration(run)}</td>
              <td className="py-1 pr-3 text-right">{run.created}</td>
              <td className="py-1 pr-3 text-right">{run.updated}</td>
              <td className="py-1 pr-3 text-right">{run.unchanged}</td>
              <td className="py-1 pr-3 text-right">{run.skipped}</td>
              <td className="py-1 break-words text-red-700 dark:text-red-400">{run.error}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
