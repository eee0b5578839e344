import { DefaultFilterControls } from "@/components/filter-bar/default-filter-controls";
import { FIELD_IDS, FILTER_IDS, LIST_WORDS } from "@/components/filter-bar/fields";
import { CategoryInput, FilterForm, FilterLink, MinUpvotesInput } from "@/components/filter-bar/filter-form";
import { filterHref } from "@/components/filter-bar/filter-href";
import { ARXIV_CATEGORIES, categoryName } from "@/lib/arxiv-taxonomy";
import {
  describeFilter,
  filterKey,
  filterQueryEntries,
  isFiltered,
  MAX_FILTER_CATEGORIES,
  MAX_MIN_UPVOTES,
  NO_FILTER,
  type ListFilter,
} from "@/lib/list-filter";

export interface FilterBarProps {
  /** The filter the list shows (from its address, or the reader's default on the main feed). */
  filter: ListFilter;
  /** The list's path, without a query: `/papers/category/cs.CL`, `/papers/date/2026-06-16`. */
  path: string;
  /** The list's other query parameters to keep (its `sort`); null ones are left out. Never the cursor: a new filter starts at the top. */
  keep?: Record<string, string | null>;
  /**
   * Only on the main feed (`/` and the whole feed's days, weeks and months): the signed-in reader's
   * saved default, or null when they have none. Left out elsewhere, where no default applies.
   */
  defaultFilter?: ListFilter | null;
  signedIn?: boolean;
}

function FilterIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className="mt-0.5 size-4 shrink-0 text-gray-500 dark:text-gray-400"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
    >
      <path d="M3 5h14M6 10h8M9 15h2" strokeLinecap="round" />
    </svg>
  );
}

function Chevron() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className="mt-0.5 size-4 shrink-0 text-gray-500 transition-transform group-open:rotate-180 dark:text-gray-400"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
    >
      <path d="m5 8 5 5 5-5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const labelClass = "font-medium text-gray-800 dark:text-gray-200";

/** The included (`cat`) or excluded (`not`) categories: a field to add more, then the chosen ones as removable chips. */
function CategoryField({
  param,
  label,
  chosen,
  removeHref,
}: {
  param: "cat" | "not";
  label: string;
  chosen: string[];
  removeHref: (category: string) => string;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={FIELD_IDS[param]} className={labelClass}>
        {label}
      </label>
      <CategoryInput param={param} placeholder={param === "cat" ? "Add one, e.g. cs.CL" : "Add one, e.g. cs.CV"} />
      {chosen.length > 0 && (
        <ul
          aria-label={`${LIST_WORDS[param][0]!.toUpperCase()}${LIST_WORDS[param].slice(1)} categories`}
          className="flex flex-wrap gap-1.5"
        >
          {chosen.map((category) => (
            <li
              key={category}
              data-testid={`filter-chip-${param}`}
              className="inline-flex max-w-full items-center rounded-md bg-gray-100 pl-2 text-gray-800 dark:bg-gray-800 dark:text-gray-200"
            >
              <span className="truncate font-mono text-xs" title={categoryName(category) ?? undefined}>
                {category}
              </span>
              <input type="hidden" name={param} value={category} data-chip={param} />
              <FilterLink
                href={removeHref(category)}
                focusAfter={FIELD_IDS[param]}
                aria-label={`Remove ${category} from ${LIST_WORDS[param]}`}
                className="ml-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-md text-gray-500 hover:bg-gray-200 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-gray-400 dark:hover:bg-gray-700 dark:hover:text-white"
              >
                <svg aria-hidden viewBox="0 0 20 20" className="size-3.5" fill="none" stroke="currentColor" strokeWidth={2}>
                  <path d="m6 6 8 8M14 6l-8 8" strokeLinecap="round" />
                </svg>
              </FilterLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The filters of a list (issue 21: `cat`, `not`, `code`, `min` in its address) as a compact bar that
 * folds away: a one-line summary of the filter in force, and when opened, the categories to include
 * and exclude (chips to remove, a field with arXiv's categories to add), "Has code", "Min upvotes",
 * Apply and "Clear filters". A plain GET form to the list's path, so it works without JavaScript;
 * with it, the list changes in place. On the main feed a signed-in reader can save the filter as
 * their default. The server checks every value again: what the browser checks is a courtesy.
 */
export function FilterBar({ filter, path, keep = {}, defaultFilter, signedIn = false }: FilterBarProps) {
  const active = isFiltered(filter);
  const offersDefault = signedIn && defaultFilter !== undefined;
  const saved = offersDefault && defaultFilter && isFiltered(defaultFilter) ? defaultFilter : null;
  // Where a saved default applies to an address without a filter, "no filter" must be said in the address.
  const showAll = saved !== null;
  const kept = Object.fromEntries(Object.entries(keep).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const href = (next: ListFilter) => filterHref(path, next, kept, showAll);
  const without = (param: "include" | "exclude", category: string) =>
    href({ ...filter, [param]: filter[param].filter((c) => c !== category) });
  const isDefault = saved !== null && filterKey(saved) === filterKey(filter);

  return (
    <div data-testid="filter-bar" className="rounded-xl border border-gray-200 bg-white text-sm dark:border-gray-800 dark:bg-gray-900">
      <details className="group">
        <summary className="flex cursor-pointer list-none items-start gap-2 rounded-xl px-3 py-2 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:hover:bg-gray-800/60 [&::-webkit-details-marker]:hidden">
          <FilterIcon />
          <span className="min-w-0 flex-1 break-words">
            {active ? (
              <>
                <span className={labelClass}>Filters: </span>
                <span data-testid="filter-summary" className="text-gray-700 dark:text-gray-300">
                  {describeFilter(filter)}
                </span>
                {isDefault && <span className="text-gray-600 dark:text-gray-400"> (your default)</span>}
              </>
            ) : (
              <>
                <span className={labelClass}>Filter</span>
                <span className="text-gray-600 dark:text-gray-400"> by category, code or upvotes</span>
              </>
            )}
          </span>
          <Chevron />
        </summary>
        <div className="border-t border-gray-200 px-3 py-3 dark:border-gray-800">
          <FilterForm
            path={path}
            keep={kept}
            showAll={showAll}
            version={filterKey(filter)}
            maxCategories={MAX_FILTER_CATEGORIES}
            maxUpvotes={MAX_MIN_UPVOTES}
            clearHref={active ? href(NO_FILTER) : null}
            options={
              <>
                <label className="inline-flex items-center gap-2 text-gray-800 dark:text-gray-200">
                  <input
                    type="checkbox"
                    name="code"
                    value="1"
                    defaultChecked={filter.hasCode}
                    className="size-4 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
                  />
                  Has code
                </label>
                <div className="flex flex-wrap items-center gap-2">
                  <label htmlFor={FIELD_IDS.min} className={labelClass}>
                    Min upvotes
                  </label>
                  <MinUpvotesInput value={filter.minUpvotes} max={MAX_MIN_UPVOTES} />
                </div>
              </>
            }
          >
            <div className="grid gap-3 sm:grid-cols-2">
              <CategoryField param="cat" label="Include categories" chosen={filter.include} removeHref={(c) => without("include", c)} />
              <CategoryField param="not" label="Exclude categories" chosen={filter.exclude} removeHref={(c) => without("exclude", c)} />
            </div>
            <p id={FILTER_IDS.categoryHint} className="-mt-1 text-xs text-gray-600 dark:text-gray-400">
              An arXiv category like cs.CL, or a whole archive like math. Enter applies.
            </p>
          </FilterForm>
          <datalist id={FILTER_IDS.categories}>
            {Object.entries(ARXIV_CATEGORIES).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </datalist>
        </div>
        {offersDefault && (
          <DefaultFilterControls
            key={filterKey(filter)}
            saved={saved && describeFilter(saved)}
            entries={filterQueryEntries(filter)}
            canSave={active && !isDefault}
          />
        )}
      </details>
    </div>
  );
}
