import { describe, expect, it } from "vitest";
import { filterHref } from "@/components/filter-bar/filter-href";
import { NO_FILTER, parseListFilter, withFilter, type ListFilter } from "@/lib/list-filter";

const FILTERS: ListFilter[] = [
  NO_FILTER,
  { include: ["cs.CL"], exclude: [], hasCode: false, minUpvotes: 0 },
  { include: ["cs.LG", "cs.CL"], exclude: ["cs.CV", "cs.RO"], hasCode: true, minUpvotes: 10 },
  { include: [], exclude: ["math", "astro-ph.GA"], hasCode: false, minUpvotes: 1_000_000 },
  { include: [], exclude: [], hasCode: true, minUpvotes: 0 },
];

describe("the filter bar's address", () => {
  it("spells a filter as withFilter does, so the bar and the server agree on one address a filter", () => {
    for (const filter of FILTERS) {
      for (const keep of [{}, { sort: "newest" }, { sort: null, q: "diffusion models" }]) {
        const canonical = withFilter(
          "/papers/category/cs",
          { ...filter, include: [...filter.include].sort(), exclude: [...filter.exclude].sort() },
          keep,
        );
        expect(filterHref("/papers/category/cs", filter, keep)).toBe(canonical);
      }
    }
    // Repeats and order do not make another address.
    expect(filterHref("/", { include: ["cs.LG", "cs.CL", "cs.LG"], exclude: [], hasCode: false, minUpvotes: 0 })).toBe(
      "/?cat=cs.CL&cat=cs.LG",
    );
  });

  it("says an empty filter in the address only where a saved default would otherwise apply, and it parses as no filter", () => {
    expect(filterHref("/", NO_FILTER, { sort: "newest" }, true)).toBe("/?sort=newest&code=0");
    expect(filterHref("/", NO_FILTER, {}, false)).toBe("/");
    expect(filterHref("/", FILTERS[1]!, {}, true)).toBe("/?cat=cs.CL");
    const parsed = parseListFilter(new URL("http://localhost/?sort=newest&code=0").searchParams);
    expect(parsed).toEqual({ ok: true, filter: NO_FILTER });
  });
});
