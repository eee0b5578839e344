import Link from "next/link";
import { describeFilter, type FilterError, type ListFilter } from "@/lib/list-filter";

/** A filter the page could not read, said in the page (the list below is unfiltered). */
export function FilterErrorNotice({ error }: { error: FilterError }) {
  return (
    <p
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      The filter was not applied: {error.message}
    </p>
  );
}

/** A filtered list with nothing in it, and the way back to the whole list. */
export function NoMatches({ filter, clearHref }: { filter: ListFilter; clearHref: string }) {
  return (
    <section
      data-testid="no-matches"
      className="rounded-xl border border-dashed border-gray-300 px-6 py-12 text-center dark:border-gray-700"
    >
      <h2 className="text-lg font-semibold">No papers match these filters</h2>
      <p className="mt-1 text-gray-600 dark:text-gray-400">Filtered to papers {describeFilter(filter)}.</p>
      <p className="mt-4">
        <Link href={clearHref} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Clear the filters
        </Link>
      </p>
    </section>
  );
}
