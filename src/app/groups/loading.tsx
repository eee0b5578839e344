/** Shown while a group page's data loads: the page's outline, announced to assistive technology. */
export default function GroupsLoading() {
  return (
    <div role="status" className="flex animate-pulse flex-col gap-4">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-64 rounded bg-gray-200 dark:bg-gray-800" />
      <div className="h-4 w-full max-w-xl rounded bg-gray-200 dark:bg-gray-800" />
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="h-32 rounded-xl bg-gray-200 dark:bg-gray-800" />
        <div className="h-32 rounded-xl bg-gray-200 dark:bg-gray-800" />
      </div>
    </div>
  );
}
