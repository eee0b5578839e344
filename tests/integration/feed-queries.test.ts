import { PrismaPg } from "@prisma/adapter-pg";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { addDays } from "@/lib/dates";
import { parsePeriod } from "@/lib/periods";
import { renderJsonFeed, renderRss } from "@/server/feeds/render";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import {
  getLatestFeedDate,
  getOrganizationPapers,
  getPaperById,
  getPeriodFeed,
  getRecentPapers,
  getTrendingPapers,
} from "@/server/papers/feed";
import { toHfDailyPaper } from "@/server/papers/hf-shape";
import { listCursorSchema, PAGE_SIZE } from "@/server/papers/list-pages";
import { searchPapers } from "@/server/papers/search";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const now = new Date("2026-06-17T09:00:00Z");
const period = (kind: "date" | "week" | "month", key: string) => parsePeriod(kind, key)!;

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  await t.db.paper.update({
    where: { id: "2405.21060" },
    data: { title: "Let's <think> about it & $\\textit{x}$ \u0001" },
  });
});
describe("period feeds", () => {
  it("lists a day's papers and links to the nearest days that have papers", async () => {
    const feed = await getPeriodFeed(t.db, period("date", "2026-06-16"), "upvotes", now);
    expect(feed.papers).toHaveLength(34);
    expect(feed.papers.map((paper) => paper.feedDate)).toEqual(Array(34).fill("2026-06-16"));
    expect(feed.papers.map((paper) => paper.upvotes)).toEqual([...feed.papers.map((paper) => paper.upvotes)].sort((a, b) => b - a));
    expect(feed.previous?.key).toBe("2026-06-10"); // skips the empty days in between
    expect(feed.next).toBeNull();

    const earlier = await getPeriodFeed(t.db, period("date", "2026-06-10"), "trending", now);
    expect(earlier.papers.map((paper) => paper.id)).not.toContain("2606.11176"); // moved to 06-16
    expect(earlier.previous?.key).toBe("2025-10-06");
    expect(earlier.next?.key).toBe("2026-06-16");
  });

  it("groups ISO weeks and months, and steps over empty ones", async () => {
    const week = await getPeriodFeed(t.db, period("week", "2026-W24"), "newest", now);
    expect(new Set(week.papers.map((paper) => paper.feedDate))).toEqual(new Set(["2026-06-10"]));
    expect(week.next?.key).toBe("2026-W25");
    expect(week.previous?.key).toBe("2025-W41");
    const published = week.papers.map((paper) => paper.publishedAt);
    expect(published).toEqual([...published].sort().reverse());

    const month = await getPeriodFeed(t.db, period("month", "2026-06"), "trending", now);
    expect(new Set(month.papers.map((paper) => paper.feedDate))).toEqual(new Set(["2026-06-10", "2026-06-16"]));
    expect(month.previous?.key).toBe("2025-10");

    const empty = await getPeriodFeed(t.db, period("month", "2026-01"), "trending", now);
    expect(empty.papers).toEqual([]);
    expect([empty.previous?.key, empty.next?.key]).toEqual(["2025-10", "2026-06"]);
  });

  it("ranks trending by the documented score and explains every position", async () => {
    const { papers, windowEnd } = await getTrendingPapers(t.db, now);
    expect(windowEnd).toBe("2026-06-17"); // the last 7 days up to today: Jun 11..17
    expect(new Set(papers.map((paper) => paper.feedDate))).toEqual(new Set(["2026-06-16"]));
    for (const paper of papers) {
      const ageHours = (now.getTime() - Date.parse(paper.addedAt)) / 3_600_000;
      expect(paper.rank.ageHours).toBeCloseTo(ageHours, 6);
      expect(paper.rank.score).toBeCloseTo((paper.upvotes + 1) / Math.pow(ageHours + 2, 1.5), 10);
    }
    const scores = papers.map((paper) => paper.rank.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("falls back to the 7 days up to the latest feed day when nothing was added lately", async () => {
    const { papers, windowEnd } = await getTrendingPapers(t.db, new Date("2026-11-29T12:00:00Z"));
    expect(windowEnd).toBe("2026-06-16");
    expect(new Set(papers.map((paper) => paper.feedDate))).toEqual(new Set(["2026-06-10", "2026-06-16"]));
  });

  it("serves a page of 50+ cards with a fixed number of queries (no N+1)", async () => {
    let queries = 0;
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url }), log: [{ emit: "event", level: "query" }] });
    counted.$on("query", () => queries++);
    try {
      const month = await getPeriodFeed(counted, period("month", "2026-06"), "trending", now);
      const monthQueries = queries;
      queries = 0;
      const day = await getPeriodFeed(counted, period("date", "2024-06-03"), "trending", now);
      expect(month.papers.length).toBeGreaterThanOrEqual(50);
      expect(month.papers.filter((paper) => paper.organization).length).toBeGreaterThan(10);
      expect(day.papers.length).toBe(6);
      expect(monthQueries).toBe(queries);
      // The frozen order (one statement), the page's papers and their organizations, the neighbours.
      expect(monthQueries).toBeLessThanOrEqual(4);
    } finally {
      await counted.$disconnect();
    }
  });
});

describe("papers and organizations", () => {
  it("returns a paper with both vote counts, and null for an unknown id", async () => {
    const paper = await getPaperById(t.db, "2606.11176");
    expect(paper).toMatchObject({ upstreamUpvotes: 82, localUpvotes: 0, upvotes: 82, feedDate: "2026-06-16" });
    expect(await getPaperById(t.db, "2999.99999")).toBeNull();
  });

  it("lists an organization's papers newest first", async () => {
    const withOrg = await t.db.paper.findFirstOrThrow({ where: { organizationName: { not: null } } });
    const page = await getOrganizationPapers(t.db, withOrg.organizationName!);
    expect(page?.papers.length).toBeGreaterThan(0);
    const days = page!.papers.map((paper) => paper.feedDate);
    expect(days).toEqual([...days].sort().reverse());
    expect(await getOrganizationPapers(t.db, "no-such-org")).toBeNull();
  });
});

describe("search", () => {
  it("ranks by relevance over title, abstract and authors and marks matches", async () => {
    const { hits } = await searchPapers(t.db, "state space duality");
    expect(hits[0]?.paper.id).toBe("2405.21060");
    expect(hits[0]?.highlightedExcerpt).toMatch(/\uE000\w+\uE001/);

    const byAuthor = await searchPapers(t.db, "Albert Gu");
    expect(byAuthor.hits.map((hit) => hit.paper.id)).toContain("2405.21060");
  });

  it("finds a paper directly by arXiv id or URL", async () => {
    expect((await searchPapers(t.db, "2606.11176")).hits[0]?.paper.id).toBe("2606.11176");
    expect((await searchPapers(t.db, "https://arxiv.org/abs/2606.11176v2")).hits[0]?.paper.id).toBe("2606.11176");
  });

  it("ranks among the newest 1,000 matches, found in the recent window first, and still finds rare older matches", async () => {
    const latest = (await getLatestFeedDate(t.db))!;
    const paper = (id: string, title: string, abstract: string, daysBack: number) => ({
      id,
      title,
      abstract,
      authors: ["A. Author"],
      publishedAt: new Date(`${addDays(latest, -daysBack)}T08:00:00Z`),
      feedDate: new Date(addDays(latest, -daysBack)),
      source: "HF_DAILY" as const,
    });
    const recent = Array.from({ length: 1000 }, (_, index) =>
      paper(`2901.${10_000 + index}`, `Zebrafish study ${index}`, "A study.", index % 30),
    );
    const older = paper("2901.11500", "Zebrafish zebrafish zebrafish", "zebrafish ".repeat(20), 200);
    const rare = paper("2901.11501", "Quokka behaviour", "Marsupials on an island.", 400);
    await t.db.paper.createMany({ data: [...recent, older, rare] });
    try {
      const common = await searchPapers(t.db, "zebrafish");
      expect(common.hits).toHaveLength(50);
      // The most relevant match is older than the newest 1,000: not ranked, as documented.
      expect(common.hits.map((hit) => hit.paper.id)).not.toContain(older.id);
      expect((await searchPapers(t.db, "quokka")).hits.map((hit) => hit.paper.id)).toEqual([rare.id]);
    } finally {
      await t.db.paper.deleteMany({ where: { id: { in: [...recent, older, rare].map((row) => row.id) } } });
    }
  });

  it.each([
    ['"diffusion model" -video OR agent'],
    ['\'; DROP TABLE "Paper"; --'],
    ["a & b | !c <-> (d:*"],
    ["🤖🚀 模型"],
    ["x".repeat(10_000)],
    ["the of and"],
    ["\uE000\uE001"],
    ["   "],
  ])("answers any input with results or none (case %#)", async (query) => {
    const results = await searchPapers(t.db, query);
    expect(Array.isArray(results.hits)).toBe(true);
    expect(results.query.length).toBeLessThanOrEqual(500);
    expect(await t.db.paper.count()).toBe(108);
  });
});

describe("feeds and the HF-shaped API", () => {
  it("renders valid RSS and JSON Feed with hostile titles as literal text", async () => {
    const papers = await getRecentPapers(t.db, { days: 10, limit: 200 });
    const hostile = papers.find((paper) => paper.id === "2405.21060")!;
    const meta = { title: "Daily Papers", description: "d", pageUrl: "http://x.test/", feedUrl: "http://x.test/papers/feed.xml" };
    const rss = renderRss(meta, papers, "http://x.test");
    expect(XMLValidator.validate(rss)).toBe(true);
    const parsed = new XMLParser({ processEntities: true }).parse(rss);
    const titles: string[] = parsed.rss.channel.item.map((item: { title: string }) => item.title);
    expect(titles).toContain("Let's <think> about it & $\\textit{x}$");

    const json = JSON.parse(renderJsonFeed(meta, [hostile], "http://x.test"));
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.items[0].title).toBe(hostile.title);
  });

  it("uses Hugging Face's field names", async () => {
    const paper = (await getPaperById(t.db, "2503.07677"))!;
    const item = toHfDailyPaper(paper);
    expect(item.paper).toMatchObject({ id: "2503.07677", upvotes: paper.upvotes, publishedAt: paper.publishedAt });
    expect(item.paper.authors[0]).toEqual({ name: "Kwanyoung Kim" });
    expect(item.paper.submittedOnDailyAt).toBe("2025-03-17T00:44:05.364Z");
    expect(item).toMatchObject({ numComments: paper.comments, title: paper.title, summary: paper.abstract });
  });
});

describe("pages of a list", () => {
  it("never skips or repeats a paper while votes reorder the list between pages", async () => {
    const june = period("month", "2026-06");
    const everyPaper = await t.db.paper.findMany({
      where: { feedDate: { gte: new Date("2026-06-01"), lt: new Date("2026-07-01") } },
      select: { id: true },
    });
    const seen: string[] = [];
    let page = await getPeriodFeed(t.db, june, "upvotes", now, { limit: 10 });
    expect(page.total).toBe(everyPaper.length);
    for (;;) {
      seen.push(...page.papers.map((paper) => paper.id));
      if (!page.nextCursor) break;
      // Between two page loads, the list's last paper gets the most votes and the first loses all.
      const order = await getPeriodFeed(t.db, june, "upvotes", now, { offset: 0, limit: 1000 });
      await t.db.paper.update({ where: { id: order.papers.at(-1)!.id }, data: { upstreamUpvotes: 100_000 + seen.length } });
      await t.db.paper.update({ where: { id: order.papers[0]!.id }, data: { upstreamUpvotes: 0 } });
      page = await getPeriodFeed(t.db, june, "upvotes", now, { cursor: listCursorSchema.parse(page.nextCursor), limit: 10 });
    }
    expect(seen).toHaveLength(everyPaper.length);
    expect(new Set(seen)).toEqual(new Set(everyPaper.map((paper) => paper.id)));
  });

  it("reuses a first page's order for a minute, but not once the list has gained a paper; open cursors keep theirs", async () => {
    const day = period("date", "2026-06-16");
    // The fixtures were imported moments ago; an hour ago, as on a running site.
    await t.db.$executeRaw`UPDATE "Paper" SET "createdAt" = now() - interval '1 hour'`;
    const first = await getPeriodFeed(t.db, day, "trending", now, { limit: 5 });
    const again = await getPeriodFeed(t.db, day, "trending", now, { limit: 5 });
    expect(again.nextCursor).toBe(first.nextCursor);

    await t.db.paper.create({
      data: {
        id: "2606.99002",
        title: "Imported after the first page",
        abstract: "An abstract.",
        authors: ["A. Author"],
        publishedAt: new Date("2026-06-16T08:00:00Z"),
        feedDate: new Date("2026-06-16"),
        source: "HF_DAILY",
        upstreamUpvotes: 1_000_000,
      },
    });
    try {
      const fresh = await getPeriodFeed(t.db, day, "trending", now, { limit: 5 });
      expect(fresh.total).toBe(first.total + 1);
      expect(fresh.papers[0]!.id).toBe("2606.99002");
      const continued = await getPeriodFeed(t.db, day, "trending", now, { cursor: listCursorSchema.parse(first.nextCursor), limit: 5 });
      expect(continued.total).toBe(first.total);
      expect(continued.papers.map((paper) => paper.id)).not.toContain("2606.99002");
    } finally {
      await t.db.paper.delete({ where: { id: "2606.99002" } });
    }
  });

  it("shows at most one page of cards, however large the list, and counts the rest", async () => {
    const june = await getPeriodFeed(t.db, period("month", "2026-06"), "trending", now);
    expect(june.papers).toHaveLength(PAGE_SIZE);
    expect(june.total).toBeGreaterThan(PAGE_SIZE);
    expect(june.nextCursor).toMatch(/^\d+\.50$/);
    const rest = await getPeriodFeed(t.db, period("month", "2026-06"), "trending", now, {
      cursor: listCursorSchema.parse(june.nextCursor),
    });
    expect(rest.offset).toBe(PAGE_SIZE);
    expect(rest.papers).toHaveLength(june.total - PAGE_SIZE);
    expect(rest.nextCursor).toBeNull();
  });
});
