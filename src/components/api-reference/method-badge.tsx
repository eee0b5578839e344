const METHOD_CLASSES: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  put: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  delete: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  post: "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${METHOD_CLASSES[method] ?? ""}`}>{method.toUpperCase()}</span>
  );
}
