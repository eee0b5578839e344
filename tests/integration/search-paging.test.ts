import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/highlight-markers";
import { parseListFilter, type ListFilter } from "@/lib/list-filter";
import { createSearchResultsFeedHandler } from "@/server/feeds/search-results-feed-handler";
import { SEARCH_CANDIDATES, searchPapers, type SearchOptions } from "@/server/papers/search";
import { createSearchApiHandler } from "@/server/papers/search-api-handler";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const LATEST = "2026-06-10";
const CATEGORY_SETS = [["cs.CL"], ["cs.CV", "cs.LG"], ["cs.LG", "stat.ML"], ["math.OC"], ["cs.LG"]];

interface Row {
  id: string;
  feedDate: string;
  publishedAt: Date;
  upvotes: number;
  /** Extra "axolotl"s in the title: more means more relevant. */
  strength: number;
  categories: string[];
  hasCode: boolean;
}

// 120 matches over 15 days, 8 a day, with ties on every sort key but the id, and one match
// 200 days back (outside the recent window, inside the 1,000 newest matches).
const rows: Row[] = Array.from({ length: 120 }, (_, index) => ({
  id: `2905.${10_000 + index}`,
  feedDate: addDays(LATEST, -(index % 15)),
  publishedAt: new Date(`${addDays(LATEST, -(index % 15) - 1)}T0${index % 4}:00:00Z`),
  upvotes: ((index * 37) % 10) + (index % 3 === 0 ? 1 : 0),
  strength: index % 3,
  categories: CATEGORY_SETS[index % CATEGORY_SETS.length]!,
  hasCode: index % 4 === 0 || index % 7 === 0,
}));
const old: Row = {
  id: "2905.20000",
  feedDate: addDays(LATEST, -200),
  publishedAt: new Date(`${addDays(LATEST, -201)}T00:00:00Z`),
  upvotes: 3,
  strength: 2,
  categories: ["cs.CL"],
  hasCode: false,
};
const matching = [...rows, old];

function paperData(row: Row, index: number) {
  return {
    id: row.id,
    title: `${"Axolotl ".repeat(row.strength + 1)}study ${index}`,
    abstract:
      "Amphibians have long fascinated biologists, and many questions about them remain open to this day. " +
      "We study axolotl regeneration in the laboratory over many months. The results are reported in detail.",
    authors: ["A. Author"],
    publishedAt: row.publishedAt,
    feedDate: new Date(row.feedDate),
    source: "HF_DAILY" as const,
    upstreamUpvotes: row.upvotes - (index % 3 === 0 ? 1 : 0),
    localUpvotes: index % 3 === 0 ? 1 : 0,
    categories: row.categories,
    githubRepo: index % 4 === 0 ? `https://github.com/x/repo${index}` : null,
    projectPage: index % 7 === 0 && index % 4 !== 0 ? `https://example.org/p${index}` : null,
  };
}

const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ORDERS = {
  relevance: (a: Row, b: Row) => b.strength - a.strength || b.feedDate.localeCompare(a.feedDate) || byId(a, b),
  newest: (a: Row, b: Row) => b.feedDate.localeCompare(a.feedDate) || b.publishedAt.getTime() - a.publishedAt.getTime() || byId(a, b),
  upvotes: (a: Row, b: Row) => b.upvotes - a.upvotes || byId(a, b),
} as const;
const expectedIds = (sort: keyof typeof ORDERS, keep: (row: Row) => boolean = () => true) =>
  matching
    .filter(keep)
    .sort(ORDERS[sort])
    .map((row) => row.id);

const search = (query: string, options: SearchOptions = {}) => searchPapers(t.db, query, options);

/** Every page of a search, in order, `limit` at a time. */
async function allPages(query: string, options: SearchOptions, limit: number) {
  const ids: string[] = [];
  for (let page = 0; page < 50; page++) {
    const results = await search(query, { ...options, page, limit });
    expect(results.offset).toBe(page * limit);
    ids.push(...results.hits.map((hit) => hit.paper.id));
    if (results.hits.length < limit) return { ids, total: results.total };
  }
  throw new Error("too many pages");
}

function filterOf(query: string): ListFilter {
  const parsed = parseListFilter(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.filter;
}

beforeAll(async () => {
  await t.db.paper.createMany({
    data: [
      ...matching.map(paperData),
      // Neither matches: one of another subject, one hidden by a moderator.
      { ...paperData(rows[0]!, 0), id: "2905.30000", title: "Salamander study", abstract: "Salamanders only." },
      { ...paperData(rows[0]!, 0), id: "2905.30001", hiddenAt: new Date() },
    ],
  });
});

describe("search pages", () => {
  it.each(["relevance", "newest", "upvotes"] as const)("page 2 continues page 1 with no gap or repeat (%s)", async (sort) => {
    const first = await search("axolotl", { sort });
    const second = await search("axolotl", { sort, page: 1 });
    const third = await search("axolotl", { sort, page: 2 });
    expect([first.hits.length, second.hits.length, third.hits.length]).toEqual([50, 50, 21]);
    expect([first.total, second.total, third.total]).toEqual([121, 121, 121]);
    expect([first.capped, second.offset, third.offset]).toEqual([false, 50, 100]);
    const paged = [...first.hits, ...second.hits, ...third.hits].map((hit) => hit.paper.id);
    expect(paged).toEqual(expectedIds(sort));
    expect(new Set(paged).size).toBe(121);
    // Other page sizes cut the same order.
    expect((await allPages("axolotl", { sort }, 7)).ids).toEqual(paged);
  });

  it("a page past the end has no hits but still says how many there are", async () => {
    const past = await search("axolotl", { page: 9 });
    expect(past.hits).toEqual([]);
    expect([past.total, past.offset]).toEqual([121, 450]);
    expect(await search("zzyzx")).toMatchObject({ hits: [], total: 0, capped: false });
  });

  it("bounds the feed days, both ends included, also beyond the recent window", async () => {
    const from = addDays(LATEST, -5);
    const to = addDays(LATEST, -2);
    const inRange = (row: Row) => row.feedDate >= from && row.feedDate <= to;
    const { ids, total } = await allPages("axolotl", { from, to, sort: "newest" }, 50);
    expect(ids).toEqual(expectedIds("newest", inRange));
    expect(total).toBe(32);
    expect((await search("axolotl", { from: LATEST })).total).toBe(8);
    expect((await search("axolotl", { from, to: from })).total).toBe(8);
    // Only the old paper, 200 days before the latest day: a range far back is searched too.
    expect((await search("axolotl", { to: addDays(LATEST, -100) })).hits.map((hit) => hit.paper.id)).toEqual([old.id]);
    expect((await search("axolotl", { from: addDays(LATEST, -300), to: addDays(LATEST, -14) })).total).toBe(9);
  });

  it("composes category, exclusion and code filters with the date range and every sort", async () => {
    const filter = filterOf("cat=cs.LG&not=cs.CV&code=1");
    const keep = (row: Row) => row.categories.includes("cs.LG") && !row.categories.includes("cs.CV") && row.hasCode;
    for (const sort of ["relevance", "newest", "upvotes"] as const) {
      const { ids, total } = await allPages("axolotl", { filter, sort }, 5);
      expect(ids, sort).toEqual(expectedIds(sort, keep));
      expect(total).toBe(ids.length);
    }
    expect(expectedIds("newest", keep).length).toBeGreaterThan(5);

    const archive = await allPages("axolotl", { filter: filterOf("cat=cs&not=cs.CL") }, 50);
    expect(archive.ids).toEqual(
      expectedIds("relevance", (row) => row.categories.some((id) => id.startsWith("cs.")) && !row.categories.includes("cs.CL")),
    );

    const from = addDays(LATEST, -3);
    const popular = await allPages("axolotl", { filter: filterOf("min=8&not=math.OC"), from, sort: "upvotes" }, 50);
    expect(popular.ids).toEqual(
      expectedIds("upvotes", (row) => row.upvotes >= 8 && !row.categories.includes("math.OC") && row.feedDate >= from),
    );
    expect(popular.ids.length).toBeGreaterThan(0);
  });

  it("starts the excerpt at the sentence holding the first match and marks it", async () => {
    const { hits } = await search("axolotl", { limit: 3 });
    for (const hit of hits) {
      expect(hit.highlightedExcerpt).toBe(
        `We study ${HIGHLIGHT_START}axolotl${HIGHLIGHT_END} regeneration in the laboratory over many months. The results are reported in detail.`,
      );
      expect(hit.highlightedTitle).toMatch(new RegExp(`^${HIGHLIGHT_START}Axolotl${HIGHLIGHT_END} `));
    }
  });

  it("puts the paper an arXiv id names first and counts it, on the first page only", async () => {
    const named = rows[100]!.id;
    const results = await search(named);
    expect(results.hits.map((hit) => hit.paper.id)).toEqual([named]);
    expect(results.total).toBe(1);
    expect(results.hits[0]!.highlightedExcerpt.startsWith("Amphibians have long fascinated")).toBe(true);
    // Outside the filter or the dates, it is not shown.
    expect((await search(named, { filter: filterOf(`not=${rows[100]!.categories[0]}`) })).total).toBe(0);
    expect((await search(named, { to: addDays(rows[100]!.feedDate, -1) })).total).toBe(0);
  });

  it("ranks the newest 1,000 of more matches, says so, and pages through exactly them", async () => {
    const many = Array.from({ length: SEARCH_CANDIDATES + 1 }, (_, index) => ({
      id: `2906.${10_000 + index}`,
      title: `Wombat burrows ${index}`,
      abstract: "Burrows.",
      authors: ["B. Author"],
      publishedAt: new Date(`${addDays(LATEST, -(index % 30))}T08:00:00Z`),
      feedDate: new Date(addDays(LATEST, -(index % 30))),
      source: "HF_DAILY" as const,
    }));
    await t.db.paper.createMany({ data: many });
    try {
      const first = await search("wombat", { sort: "newest" });
      expect([first.total, first.capped]).toEqual([SEARCH_CANDIDATES, true]);
      const { ids } = await allPages("wombat", { sort: "newest" }, 50);
      const newest = many
        .map((paper) => ({ id: paper.id, day: paper.feedDate.toISOString() }))
        .sort((a, b) => b.day.localeCompare(a.day) || (a.id < b.id ? 1 : -1))
        .slice(0, SEARCH_CANDIDATES);
      expect(ids).toHaveLength(SEARCH_CANDIDATES);
      expect(new Set(ids)).toEqual(new Set(newest.map((paper) => paper.id)));
      // Relevance pages through the same 1,000.
      expect(new Set((await allPages("wombat", {}, 50)).ids)).toEqual(new Set(ids));
    } finally {
      await t.db.paper.deleteMany({ where: { id: { in: many.map((paper) => paper.id) } } });
    }
  });
});

describe("/api/papers/search", () => {
  const handler = createSearchApiHandler((query, options) => searchPapers(t.db, query, options));
  const get = (query: string) => handler(new Request(`http://localhost/api/papers/search?${query}`), undefined);

  it("answers the bare array of HF papers it always did, with the count and the next page in headers", async () => {
    const first = await get("q=axolotl");
    expect(first.status).toBe(200);
    const body = (await first.json()) as { paper: { id: string } }[];
    expect(body.map((item) => item.paper.id)).toEqual(expectedIds("relevance").slice(0, 20)); // limit defaults to 20
    expect(first.headers.get("X-Total-Count")).toBe("121");
    expect(first.headers.get("X-Total-Count-Capped")).toBeNull();
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.get("Link") ?? "")?.[1];
    expect(new URL(next!).pathname).toBe("/api/papers/search");
    expect(new URL(next!).searchParams.get("p")).toBe("1");

    const second = await get(new URL(next!).search.slice(1));
    expect(((await second.json()) as { paper: { id: string } }[]).map((item) => item.paper.id)).toEqual(
      expectedIds("relevance").slice(20, 40),
    );

    const last = await get("q=axolotl&limit=50&p=2&sort=newest");
    expect(((await last.json()) as unknown[]).length).toBe(21);
    expect(last.headers.get("Link")).toBeNull();
  });

  it("filters by the repeated cat and not parameters and the date range", async () => {
    const response = await get(`q=axolotl&limit=50&sort=newest&cat=cs.CL&cat=math.OC&not=cs.LG&from=${addDays(LATEST, -7)}&to=${LATEST}`);
    const keep = (row: Row) => ["cs.CL", "math.OC"].some((id) => row.categories.includes(id)) && row.feedDate >= addDays(LATEST, -7);
    const ids = ((await response.json()) as { paper: { id: string } }[]).map((item) => item.paper.id);
    expect(ids).toEqual(expectedIds("newest", keep));
    expect(response.headers.get("X-Total-Count")).toBe(String(ids.length));
  });

  it.each([
    ["", "q"],
    ["q=axolotl&p=-1", "p"],
    ["q=axolotl&p=two", "p"],
    ["q=axolotl&p=100000", "p"],
    ["q=axolotl&limit=51", "limit"],
    ["q=axolotl&sort=best", "sort"],
    ["q=axolotl&from=2026-02-30", "from"],
    ["q=axolotl&to=yesterday", "to"],
    ["q=axolotl&from=2026-06-10&to=2026-06-01", "from"],
    ["q=axolotl&cat=cs.XX", "cat"],
    ["q=axolotl&not=%00", "not"],
    ["q=axolotl&code=yes", "code"],
    ["q=axolotl&min=-3", "min"],
  ])("refuses %s with a 400 naming %s", async (query, param) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { param: string; message: string } };
    expect(error.param).toBe(param);
    expect(error.message.startsWith(`${param}: `)).toBe(true);
  });

  it("reads a blank date as no bound", async () => {
    expect((await get("q=axolotl&from=&to=")).headers.get("X-Total-Count")).toBe("121");
  });
});

describe("search feeds", () => {
  const feed = createSearchResultsFeedHandler("json", (query, options) => searchPapers(t.db, query, options));
  const get = (query: string) => feed(new Request(`http://localhost/papers/search/feed.json?${query}`), undefined);

  it("hold the first page of the search with its sort and filters, linking to that page", async () => {
    const response = await get("q=axolotl&sort=upvotes&cat=cs.LG&code=1");
    expect(response.status).toBe(200);
    const json = (await response.json()) as { home_page_url: string; title: string; items: { id: string }[] };
    const keep = (row: Row) => row.categories.includes("cs.LG") && row.hasCode;
    expect(json.items.map((item) => item.id.replace(/^.*\/papers\//, ""))).toEqual(expectedIds("upvotes", keep).slice(0, 50));
    expect(json.title).toContain("in cs.LG");
    expect(new URL(json.home_page_url).search).toBe("?q=axolotl&sort=upvotes&cat=cs.LG&code=1");
  });

  it("refuse a bad sort, date or filter with a 400 naming it", async () => {
    for (const [query, param] of [
      ["q=axolotl&sort=oldest", "sort"],
      ["q=axolotl&to=2026-6-1", "to"],
      ["q=axolotl&not=cs.CL&not=cs.CL&cat=cs.CL", "not"],
    ] as const) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { param: string } }).error.param, query).toBe(param);
    }
  });
});
