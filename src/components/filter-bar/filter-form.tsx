"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useTransition,
  type ComponentProps,
  type FormEvent,
  type ReactNode,
} from "react";
import { FIELD_IDS, FILTER_IDS, type FilterField } from "@/components/filter-bar/fields";
import { filterHref } from "@/components/filter-bar/filter-href";
import { buttonClasses } from "@/components/ui/button";
import type { ListFilter } from "@/lib/list-filter";

interface FieldError {
  field: FilterField;
  message: string;
}

const FieldErrorContext = createContext<FieldError | null>(null);

// The control to focus once the next list is shown. Focus stays where it is when the filter is
// applied from a field; a removed chip's link and "Clear filters" go away, so they hand it to a field.
let pendingFocus: string | null = null;

const fieldClass =
  "rounded-md border border-gray-300 bg-white px-2 py-1 placeholder:text-gray-500 focus:border-indigo-500 focus:outline-2 focus:outline-offset-1 focus:outline-indigo-500 aria-[invalid=true]:border-red-600 dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400 dark:aria-[invalid=true]:border-red-400";

function FieldErrorMessage({ field, className = "" }: { field: FilterField; className?: string }) {
  const error = useContext(FieldErrorContext);
  if (error?.field !== field) return null;
  return (
    <p id={`${FIELD_IDS[field]}-error`} role="alert" className={`text-sm font-medium text-red-700 dark:text-red-400 ${className}`}>
      {error.message}
    </p>
  );
}

function describedBy(field: FilterField, error: FieldError | null, hint?: string): string | undefined {
  const ids = [error?.field === field ? `${FIELD_IDS[field]}-error` : "", hint ?? ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** The text field that adds categories to include (`cat`) or exclude (`not`), offering arXiv's from a datalist. */
export function CategoryInput({ param, placeholder }: { param: "cat" | "not"; placeholder: string }) {
  const error = useContext(FieldErrorContext);
  return (
    <>
      <input
        id={FIELD_IDS[param]}
        // Without JavaScript the typed category is sent as one more `cat` or `not`.
        name={param}
        type="text"
        list={FILTER_IDS.categories}
        autoComplete="off"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="go"
        maxLength={200}
        placeholder={placeholder}
        aria-invalid={error?.field === param || undefined}
        aria-describedby={describedBy(param, error, FILTER_IDS.categoryHint)}
        className={`w-full min-w-0 ${fieldClass}`}
      />
      <FieldErrorMessage field={param} />
    </>
  );
}

/** The "Min upvotes" number field (empty or 0: any). */
export function MinUpvotesInput({ value, max }: { value: number; max: number }) {
  const error = useContext(FieldErrorContext);
  return (
    <>
      <input
        id={FIELD_IDS.min}
        name="min"
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={1}
        placeholder="0"
        defaultValue={value > 0 ? value : ""}
        aria-invalid={error?.field === "min" || undefined}
        aria-describedby={describedBy("min", error)}
        className={`w-24 ${fieldClass}`}
      />
      <FieldErrorMessage field="min" className="basis-full" />
    </>
  );
}

/** A link that changes the filter (a chip's removal, "Clear filters"), handing the focus to `focusAfter` on the next list. */
export function FilterLink({ focusAfter, onClick, ...props }: ComponentProps<typeof Link> & { focusAfter: string }) {
  return (
    <Link
      scroll={false}
      onClick={(event) => {
        pendingFocus = focusAfter;
        onClick?.(event);
      }}
      {...props}
    />
  );
}

const ECHOED = 40;
const shown = (text: string) => (text.length > ECHOED ? `${text.slice(0, ECHOED)}…` : text);

/** arXiv's ids by their lowercase id and lowercase name, from the bar's datalist (so the list is not shipped twice). */
function knownCategories(): Map<string, string> {
  const known = new Map<string, string>();
  for (const option of document.getElementById(FILTER_IDS.categories)?.querySelectorAll("option") ?? []) {
    known.set(option.value.toLowerCase(), option.value);
    const name = option.textContent?.trim().toLowerCase();
    if (name && !known.has(name)) known.set(name, option.value);
  }
  return known;
}

/** What was typed in a category field: an id or a name, or several ids apart by commas or spaces. */
function typedCategories(text: string, known: Map<string, string>): { ok: true; ids: string[] } | { ok: false; unknown: string } {
  const whole = text.trim();
  if (!whole) return { ok: true, ids: [] };
  const match = known.get(whole.toLowerCase());
  if (match) return { ok: true, ids: [match] };
  const words = whole.split(/[\s,;]+/).filter(Boolean);
  const unknown = words.filter((word) => !known.has(word.toLowerCase()));
  if (unknown.length === words.length) return { ok: false, unknown: whole };
  if (unknown.length > 0) return { ok: false, unknown: unknown[0]! };
  return { ok: true, ids: words.map((word) => known.get(word.toLowerCase())!) };
}

type ReadResult = { ok: true; filter: ListFilter } | { ok: false; error: FieldError };

/** The filter the form's fields ask for, checked as the server will check it (which still has the last word). */
function readFilter(form: HTMLFormElement, maxCategories: number, maxUpvotes: number): ReadResult {
  const chosen = {
    cat: [...form.querySelectorAll<HTMLInputElement>('input[data-chip="cat"]')].map((input) => input.value),
    not: [...form.querySelectorAll<HTMLInputElement>('input[data-chip="not"]')].map((input) => input.value),
  };
  const known = knownCategories();
  for (const param of ["cat", "not"] as const) {
    const input = form.querySelector<HTMLInputElement>(`#${FIELD_IDS[param]}`);
    const typed = typedCategories(input?.value ?? "", known);
    if (!typed.ok) {
      return {
        ok: false,
        error: {
          field: param,
          message: `“${shown(typed.unknown)}” is not an arXiv category. Pick one from the list, like cs.CL, or an archive like math.`,
        },
      };
    }
    // The latest choice wins: a category typed here leaves the other list.
    const other = param === "cat" ? "not" : "cat";
    chosen[other] = chosen[other].filter((category) => !typed.ids.includes(category));
    chosen[param] = [...new Set([...chosen[param], ...typed.ids])];
  }
  for (const param of ["cat", "not"] as const) {
    if (chosen[param].length > maxCategories) {
      return { ok: false, error: { field: param, message: `Choose at most ${maxCategories} categories.` } };
    }
  }
  const min = form.querySelector<HTMLInputElement>(`#${FIELD_IDS.min}`);
  const minText = min?.value.trim() ?? "";
  if (min?.validity.badInput || (minText !== "" && (!/^\d{1,7}$/.test(minText) || Number(minText) > maxUpvotes))) {
    return {
      ok: false,
      error: { field: "min", message: `Enter a whole number of upvotes from 0 to ${maxUpvotes.toLocaleString("en-US")}.` },
    };
  }
  const hasCode = form.querySelector<HTMLInputElement>('input[type="checkbox"][name="code"]')?.checked ?? false;
  return { ok: true, filter: { include: chosen.cat, exclude: chosen.not, hasCode, minUpvotes: minText === "" ? 0 : Number(minText) } };
}

export interface FilterFormProps {
  /** The list's path, where the form goes (a plain GET without JavaScript). */
  path: string;
  /** The list's other parameters (its sort), kept by every filter change. */
  keep: Record<string, string>;
  /** A saved default applies when the address names no filter: an empty filter is then said in it. */
  showAll: boolean;
  /** The shown filter's key: when it changes, the fields give way to the new list's. */
  version: string;
  maxCategories: number;
  maxUpvotes: number;
  /** "Clear filters", when there is something to clear. */
  clearHref: string | null;
  /** The category fields. */
  children: ReactNode;
  /** "Has code" and "Min upvotes", on one row with Apply. */
  options: ReactNode;
}

/**
 * The filter bar's form: a plain GET form to the list's path, so it works without JavaScript; with
 * it, the fields are checked here and the list changes in place, focus and scroll staying put.
 */
export function FilterForm({ path, keep, showAll, version, maxCategories, maxUpvotes, clearHref, children, options }: FilterFormProps) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const [pending, startTransition] = useTransition();
  const [shownVersion, setShownVersion] = useState(version);
  if (shownVersion !== version) {
    setShownVersion(version);
    setError(null);
  }
  const appliedVersion = useRef(version);
  useEffect(() => {
    // The new list's chips now hold what was typed: the fields start empty again.
    if (appliedVersion.current !== version) {
      appliedVersion.current = version;
      form.current?.reset();
    }
    if (pendingFocus) {
      document.getElementById(pendingFocus)?.focus();
      pendingFocus = null;
    }
  }, [version]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const read = readFilter(event.currentTarget, maxCategories, maxUpvotes);
    if (!read.ok) {
      setError(read.error);
      document.getElementById(FIELD_IDS[read.error.field])?.focus();
      return;
    }
    setError(null);
    startTransition(() => router.push(filterHref(path, read.filter, keep, showAll), { scroll: false }));
  }

  return (
    <FieldErrorContext value={error}>
      <form ref={form} action={path} method="get" onSubmit={apply} aria-busy={pending || undefined} className="flex flex-col gap-3">
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
          {options}
          {/* After the checkbox: its `code=1`, when ticked, is the one read. */}
          {showAll && <input type="hidden" name="code" value="0" />}
          <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
            <button
              type="submit"
              aria-disabled={pending || undefined}
              className={buttonClasses({ size: "sm", className: "aria-disabled:cursor-wait aria-disabled:opacity-70" })}
            >
              {pending ? "Applying…" : "Apply"}
            </button>
            {clearHref && (
              <FilterLink href={clearHref} focusAfter={FIELD_IDS.cat} className={buttonClasses({ size: "sm", tone: "secondary" })}>
                Clear filters
              </FilterLink>
            )}
          </div>
        </div>
      </form>
    </FieldErrorContext>
  );
}
