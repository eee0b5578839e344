import { describe, expect, it } from "vitest";
import { describeFilter, filterKey, MAX_FILTER_CATEGORIES, parseListFilter, withFilter } from "@/lib/list-filter";

const parse = (query: string) => parseListFilter(new URLSearchParams(query));

describe("list filters from a query string", () => {
  it("read every name, repeat or not, into one sorted form", () => {
    const result = parse("not=cs.RO&cat=cs&not=cs.CV&code=1&min=10&not=cs.CV&sort=newest");
    expect(result).toEqual({ ok: true, filter: { include: ["cs"], exclude: ["cs.CV", "cs.RO"], hasCode: true, minUpvotes: 10 } });
    expect(parse("")).toEqual({ ok: true, filter: { include: [], exclude: [], hasCode: false, minUpvotes: 0 } });
    // What a plain GET form sends for the fields left empty.
    expect(parse("cat=&not=cs.CV&code=&min=")).toEqual({
      ok: true,
      filter: { include: [], exclude: ["cs.CV"], hasCode: false, minUpvotes: 0 },
    });
    expect(parseListFilter({ cat: ["math.OC", "cs.CL"], code: "0" })).toMatchObject({
      ok: true,
      filter: { include: ["cs.CL", "math.OC"], hasCode: false },
    });
  });

  it.each([
    ["cat=cs.XX", "cat", /'cs\.XX' is not an arXiv category or archive/],
    ["cat=cs.CL%00", "cat", /'cs\.CL�' is not/],
    ["cat=%E0%A4%A", "cat", /is not an arXiv category/],
    [`cat=${"x".repeat(5000)}`, "cat", /'x{40}…' is not/],
    [Array.from({ length: MAX_FILTER_CATEGORIES + 1 }, () => "not=cs.CV").join("&"), "not", /at most 20 categories/],
    ["code=true", "code", /must be 1/],
    ["min=1.5", "min", /whole number/],
    ["min=2000000", "min", /from 0 to 1,000,000/],
    ["cat=cs&not=cs", "not", /also asked for in cat/],
  ])("%s is refused, naming %s", (query, param, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.param).toBe(param);
    expect(result.error.message.startsWith(`${param}: `)).toBe(true);
    expect(result.error.message).toMatch(message);
  });

  it("writes back as links, keys and words", () => {
    const result = parse("min=5&code=1&not=cs.CV&cat=cs.CL&cat=cs.LG");
    if (!result.ok) throw new Error("unexpected");
    expect(withFilter("/papers/date/2026-06-16", result.filter, { sort: "newest", cursor: null })).toBe(
      "/papers/date/2026-06-16?sort=newest&cat=cs.CL&cat=cs.LG&not=cs.CV&code=1&min=5",
    );
    expect(filterKey(result.filter)).toBe("cat=cs.CL,cs.LG;not=cs.CV;code;min=5");
    expect(describeFilter(result.filter)).toBe("in cs.CL or cs.LG, not in cs.CV, with code, 5+ upvotes");
  });
});
