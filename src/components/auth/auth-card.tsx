/** The narrow centred panel every sign-in page uses. */
export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mx-auto mt-8 max-w-md rounded-2xl border border-gray-200 p-6 shadow-sm dark:border-gray-800 dark:shadow-none">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-4 text-gray-700 dark:text-gray-300">{children}</div>
    </section>
  );
}
