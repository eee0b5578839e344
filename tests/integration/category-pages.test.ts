import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { isMissingPage } from "@/edge/missing-page";
import type { FeedSort } from "@/lib/feed-sort";
import type { PaperScope } from "@/lib/paper-scope";
import { parsePeriod, type PeriodKind } from "@/lib/periods";
import { createScopedPapersFeedHandler } from "@/server/feeds/scoped-papers-feed-handler";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { getLatestFeedDate, getPeriodFeed, getRecentPapers, getTrendingPapers } from "@/server/papers/feed";
import { listCursorSchema } from "@/server/papers/list-pages";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const now = new Date("2026-06-17T09:00:00Z");
const category = (value: string): PaperScope => ({ kind: "category", value });
const keyword = (value: string): PaperScope => ({ kind: "keyword", value });
const period = (kind: PeriodKind, key: string) => parsePeriod(kind, key)!;

// Papers in id order take these in turn (primary first); the fixtures have none of their own.
const CATEGORY_SETS = [["cs.CL", "cs.LG"], ["cs.CV"], ["stat.ML", "cs.LG"], ["math.OC"], []];
let papers: { id: string; feedDate: string; categories: string[]; keywords: string[] }[] = [];

/** The papers `scope` should list, optionally only those of one feed day or a range of days. */
function expected(matches: (paper: (typeof papers)[number]) => boolean, days?: (day: string) => boolean): string[] {
  return papers
    .filter((paper) => matches(paper) && (!days || days(paper.feedDate)))
    .map((paper) => paper.id)
    .sort();
}
const inCategory = (id: string) => (paper: (typeof papers)[number]) => paper.categories.includes(id);
const inArchive = (archive: string) => (paper: (typeof papers)[number]) => paper.categories.some((id) => id.split(".")[0] === archive);
const ids = (list: { id: string }[]) => list.map((paper) => paper.id).sort();

/** Every paper of a period in the scope, through the page queries (one big page). */
async function listed(scope: PaperScope, kind: PeriodKind, key: string, sort: FeedSort = "trending") {
  return (await getPeriodFeed(t.db, period(kind, key), sort, now, { limit: 1000 }, { scope })).papers;
}

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  const rows = await t.db.paper.findMany({ select: { id: true, feedDate: true, aiKeywords: true }, orderBy: { id: "asc" } });
  papers = rows.map((row, index) => ({
    id: row.id,
    feedDate: row.feedDate.toISOString().slice(0, 10),
    categories: CATEGORY_SETS[index % CATEGORY_SETS.length]!,
    keywords: row.aiKeywords,
  }));
  await t.db.$executeRaw`
    UPDATE "Paper" p SET "categories" = string_to_array(c.categories, ',')
    FROM unnest(${papers.map((paper) => paper.id)}::text[], ${papers.map((paper) => paper.categories.join(","))}::text[]) AS c(id, categories)
    WHERE p."id" = c.id AND c.categories <> ''`;
});

describe("category pages", () => {
  it("a category's day lists exactly the papers of that category and day, in each sort, with its own neighbouring days", async () => {
    const day = "2026-06-16";
    for (const sort of ["trending", "upvotes", "newest"] as const) {
      const shown = await listed(category("cs.CL"), "date", day, sort);
      expect(ids(shown), sort).toEqual(expected(inCategory("cs.CL"), (feedDate) => feedDate === day));
      expect(shown.every((paper) => paper.categories[0] === "cs.CL" && paper.feedDate === day)).toBe(true);
    }
    const byUpvotes = (await listed(category("cs.CL"), "date", day, "upvotes")).map((paper) => paper.upvotes);
    expect(byUpvotes).toEqual([...byUpvotes].sort((a, b) => b - a));

    const feed = await getPeriodFeed(t.db, period("date", day), "trending", now, {}, { scope: category("cs.CL") });
    const clDays = [...new Set(papers.filter(inCategory("cs.CL")).map((paper) => paper.feedDate))].sort();
    expect(feed.previous?.key).toBe(clDays.filter((other) => other < day).at(-1));
    expect(feed.next).toBeNull();
    expect(await getLatestFeedDate(t.db, { scope: category("cs.CL") })).toBe(clDays.at(-1));
    expect(await getLatestFeedDate(t.db, { scope: category("astro-ph.EP") })).toBeNull();
  });

  it("an archive lists the papers of all its categories; weeks and months too", async () => {
    expect(ids(await listed(category("cs"), "month", "2026-06"))).toEqual(expected(inArchive("cs"), (day) => day.startsWith("2026-06")));
    expect(ids(await listed(category("stat"), "week", "2026-W24"))).toEqual(
      expected(inArchive("stat"), (day) => day >= "2026-06-08" && day < "2026-06-15"),
    );
    expect(ids(await listed(category("cs.LG"), "date", "2026-06-10"))).toEqual(
      expected(inCategory("cs.LG"), (day) => day === "2026-06-10"),
    );
    expect(await listed(category("astro-ph"), "month", "2026-06")).toEqual([]);
  });

  it("pages through a category's month without gaps or repeats, while votes reorder it", async () => {
    const scope = category("cs");
    const month = period("month", "2026-06");
    const seen: string[] = [];
    let page = await getPeriodFeed(t.db, month, "upvotes", now, { limit: 7 }, { scope });
    for (;;) {
      seen.push(...page.papers.map((paper) => paper.id));
      if (!page.nextCursor) break;
      // A vote between pages moves the last paper to the top; the frozen order keeps paging stable.
      await t.db.paper.update({ where: { id: seen.at(-1)! }, data: { localUpvotes: { increment: 1000 } } });
      page = await getPeriodFeed(t.db, month, "upvotes", now, { cursor: listCursorSchema.parse(page.nextCursor), limit: 7 }, { scope });
    }
    expect(page.total).toBe(seen.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(expected(inArchive("cs"), (day) => day.startsWith("2026-06")));
    await t.db.paper.updateMany({ data: { localUpvotes: 0 } });
  });

  it("trends within the category's last days", async () => {
    const trending = await getTrendingPapers(t.db, now, { limit: 1000 }, { scope: category("cs.CV") });
    expect(trending.windowEnd).toBe("2026-06-17");
    expect(ids(trending.papers)).toEqual(expected(inCategory("cs.CV"), (day) => day > "2026-06-10" && day <= "2026-06-17"));
    const scores = trending.papers.map((paper) => paper.rank.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("the feeds list the papers of the category's latest days, as its day pages do", async () => {
    const scope = category("cs.CL");
    const recent = (which: PaperScope) => getRecentPapers(t.db, { scope: which });
    const clDays = [...new Set(papers.filter(inCategory("cs.CL")).map((paper) => paper.feedDate))].sort().slice(-3);
    const pages = (await Promise.all(clDays.map((day) => listed(scope, "date", day)))).flat();
    const get = (format: "json" | "rss", kind: PaperScope["kind"], value: string) => {
      const handler = createScopedPapersFeedHandler(kind, format, recent);
      const param = kind === "category" ? "cat" : "keyword";
      const path = `/papers/${kind}/${encodeURIComponent(value)}/feed.${format === "rss" ? "xml" : "json"}`;
      return handler(new Request(`http://localhost${path}`), { params: Promise.resolve({ [param]: encodeURIComponent(value) }) });
    };

    const json = (await (await get("json", "category", "cs.CL")).json()) as { title: string; items: { id: string; tags: string[] }[] };
    const itemIds = json.items.map((item) => item.id.replace(/^.*\/papers\//, ""));
    expect([...itemIds].sort()).toEqual(ids(pages));
    expect(itemIds).toEqual((await recent(scope)).map((paper) => paper.id)); // newest day first, then upvotes
    expect(json.title).toBe("Computation and Language (cs.CL) · Daily Papers");
    expect(json.items.every((item) => item.tags.includes("cs.CL"))).toBe(true);

    const rss = await (await get("rss", "category", "cs.CL")).text();
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(rss).toContain('<category domain="https://arxiv.org/category_taxonomy">cs.CL</category>');

    const unknown = await get("json", "category", "xx.YY");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { param: string } }).error.param).toBe("cat");

    const kw = (await (await get("json", "keyword", "large language models")).json()) as { items: { id: string }[] };
    expect(kw.items.length).toBeGreaterThan(0);
    const kwIds = new Set(papers.filter((paper) => paper.keywords.includes("large language models")).map((paper) => paper.id));
    expect(kw.items.every((item) => kwIds.has(item.id.replace(/^.*\/papers\//, "")))).toBe(true);
    expect((await get("json", "keyword", "no paper has this")).status).toBe(404);
  });
});

describe("keyword pages", () => {
  it("list exactly the papers with the keyword, by day and month", async () => {
    const withKeyword = (paper: (typeof papers)[number]) => paper.keywords.includes("large language models");
    expect(ids(await listed(keyword("large language models"), "month", "2026-06"))).toEqual(
      expected(withKeyword, (day) => day.startsWith("2026-06")),
    );
    expect(ids(await listed(keyword("large language models"), "date", "2025-10-06"))).toEqual(
      expected(withKeyword, (day) => day === "2025-10-06"),
    );
    // Exactly as Hugging Face spells it: another case is another keyword.
    const upper = await listed(keyword("Large Language Models"), "month", "2026-06");
    expect(upper.every((paper) => paper.keywords.includes("Large Language Models"))).toBe(true);
  });
});

describe("addresses that name nothing", () => {
  it("an unknown category, or a known one with an impossible period, is a missing page; a known one is not", async () => {
    for (const path of [
      "/papers/category/xx.YY",
      "/papers/category/cs.XX/trending",
      "/papers/category/CS.CL",
      "/papers/category/cs.CL/date/2026-13-45",
      "/papers/category/nope/week/2026-W24",
    ]) {
      expect(await isMissingPage(path), path).toBe(true);
    }
    for (const path of [
      "/papers/category/cs.CL",
      "/papers/category/cs",
      "/papers/category/hep-th/month/2026-06",
      "/papers/category/astro-ph.EP/date/2026-06-16",
      "/papers/category/cs.CL/trending",
      // Feeds answer for themselves (a JSON 404 naming the parameter, above).
      "/papers/category/xx.YY/feed.xml",
    ]) {
      expect(await isMissingPage(path), path).toBe(false);
    }
  });
});
