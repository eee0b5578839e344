export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4">
      <span className="sr-only">Loading papers…</span>
      <div className="h-8 w-64 animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="h-32 animate-pulse rounded-xl border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900" />
      ))}
    </div>
  );
}
