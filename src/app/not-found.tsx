import Link from "next/link";

export default function NotFound() {
  return (
    <section className="py-16 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-2 text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-gray-600 dark:text-gray-400">
        That paper, date or page does not exist. Dates look like 2026-06-01, weeks like 2026-W23, months like 2026-06.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Back to today’s papers
        </Link>
      </p>
    </section>
  );
}
