/** The centred panel of the subscription pages (subscribe, confirm, preferences, unsubscribe). */
export function SubscriptionPanel({ title, eyebrow, children }: { title: string; eyebrow?: string; children: React.ReactNode }) {
  return (
    <section className="mx-auto mt-6 max-w-xl rounded-2xl border border-gray-200 bg-white p-6 shadow-sm sm:p-8 dark:border-gray-800 dark:bg-gray-900 dark:shadow-none">
      {eyebrow && <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">{eyebrow}</p>}
      <h1 className="mt-1 text-2xl font-bold text-balance">{title}</h1>
      <div className="mt-4 text-gray-700 dark:text-gray-300">{children}</div>
    </section>
  );
}

export const textLink = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

/** A success note at the top of a page after a form brought the user back to it. */
export function SuccessNote({ children }: { children: React.ReactNode }) {
  return (
    <p
      role="status"
      className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-100"
    >
      {children}
    </p>
  );
}
