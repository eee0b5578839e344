import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { createPagesSitemapHandler } from "@/server/sitemaps/pages-sitemap-handler";
import { createPaperSitemapHandler } from "@/server/sitemaps/paper-sitemap-handler";
import { createSitemapIndexHandler } from "@/server/sitemaps/sitemap-index-handler";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const SITE_URL = "https://papers.example";
const PAPERS_PER_SITEMAP = 7;

// Days of 1 to 17 papers: ranges of several whole days, a day that fills a sitemap on its own
// (7), and days too big for one sitemap (9, 17), cut inside. Two papers are hidden.
const PAPERS_PER_DAY = [3, 1, 9, 2, 7, 4, 17, 1, 5];
const FIRST_DAY = "2026-05-01";
const OLD_STYLE_IDS = ["hep-th/9901001", "math.GT/0309136", "cond-mat/0101001"];
const HIDDEN = ["2605.00006", "2605.00031"];

interface SeededPaper {
  id: string;
  feedDate: string;
  updatedAt: Date;
}

const seeded: SeededPaper[] = [];
const visible = () => seeded.filter((paper) => !HIDDEN.includes(paper.id));

beforeAll(async () => {
  let n = 0;
  PAPERS_PER_DAY.forEach((count, day) => {
    for (let i = 0; i < count; i++) {
      n += 1;
      // The old-style ids land in the 17-paper day, so a cut inside a day may fall on one.
      const id = day === 6 && i < OLD_STYLE_IDS.length ? OLD_STYLE_IDS[i]! : `2605.${String(n).padStart(5, "0")}`;
      seeded.push({ id, feedDate: addDays(FIRST_DAY, day * 2), updatedAt: new Date(Date.UTC(2026, 5, 1, 0, n)) });
    }
  });
  await t.db.paper.createMany({
    data: seeded.map(({ id, feedDate, updatedAt }) => ({
      id,
      title: `Paper ${id}`,
      abstract: "An abstract.",
      authors: ["Ada Lovelace"],
      publishedAt: new Date(`${feedDate}T00:00:00Z`),
      feedDate: new Date(feedDate),
      source: "ARXIV" as const,
      updatedAt,
      hiddenAt: HIDDEN.includes(id) ? new Date() : null,
    })),
  });
});

const parser = new XMLParser({ isArray: (name) => name === "sitemap" || name === "url" });

function parseXml(text: string): Record<string, unknown> {
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text) as Record<string, unknown>;
}

async function sitemapIndex(): Promise<string[]> {
  const response = await createSitemapIndexHandler({ db: t.db, siteUrl: SITE_URL, papersPerSitemap: PAPERS_PER_SITEMAP })(
    new Request(`${SITE_URL}/sitemap.xml`),
    undefined,
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
  expect(response.headers.get("cache-control")).toMatch(/^public, max-age=3600/);
  const index = parseXml(await response.text()).sitemapindex as { sitemap: { loc: string }[] };
  return index.sitemap.map((sitemap) => sitemap.loc);
}

async function paperSitemap(range: string): Promise<Response> {
  return createPaperSitemapHandler({ db: t.db, siteUrl: SITE_URL })(new Request(`${SITE_URL}/sitemaps/papers/${range}`), {
    params: Promise.resolve({ range }),
  });
}

async function urlsOf(response: Response): Promise<{ loc: string; lastmod?: string }[]> {
  expect(response.status).toBe(200);
  return (parseXml(await response.text()).urlset as { url: { loc: string; lastmod?: string }[] }).url;
}

describe("the sitemaps", () => {
  it("list every visible paper exactly once, at most a sitemap's worth in each, with its last change", async () => {
    const locs = await sitemapIndex();
    expect(locs[0]).toBe(`${SITE_URL}/sitemaps/pages.xml`);
    const ranges = locs.slice(1).map((loc) => {
      expect(loc.startsWith(`${SITE_URL}/sitemaps/papers/`), loc).toBe(true);
      return loc.slice(`${SITE_URL}/sitemaps/papers/`.length);
    });
    // 47 visible papers, at most 7 a sitemap.
    expect(ranges.length).toBeGreaterThanOrEqual(Math.ceil(visible().length / PAPERS_PER_SITEMAP));
    expect(ranges[0]).toBe(`${FIRST_DAY}_2026-05-05.xml`);
    expect(ranges.at(-1)).toMatch(/_latest\.xml$/);
    // A cut inside the 17-paper day falls on an old-style id, its slash escaped.
    expect(ranges).toContain("2026-05-13~2605.00038_2026-05-13~hep-th%2F9901001.xml");

    const listed: { loc: string; lastmod?: string }[] = [];
    for (const range of ranges) {
      const urls = await urlsOf(await paperSitemap(range));
      expect(urls.length, range).toBeGreaterThan(0);
      expect(urls.length, range).toBeLessThanOrEqual(PAPERS_PER_SITEMAP);
      listed.push(...urls);
    }
    const expected = visible()
      .map((paper) => ({ loc: `${SITE_URL}/papers/${paper.id}`, lastmod: paper.updatedAt.toISOString() }))
      .sort((a, b) => a.loc.localeCompare(b.loc));
    expect([...listed].sort((a, b) => a.loc.localeCompare(b.loc))).toEqual(expected);
  });

  it("keep the bounds of past ranges when a new day arrives", async () => {
    const before = await sitemapIndex();
    await t.db.paper.create({
      data: {
        id: "2606.00001",
        title: "A new day",
        abstract: "An abstract.",
        authors: ["Ada Lovelace"],
        publishedAt: new Date("2026-06-01T00:00:00Z"),
        feedDate: new Date("2026-06-01"),
        source: "ARXIV",
      },
    });
    const after = await sitemapIndex();
    // Only the last range, open-ended, may close and make room for a new one.
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    expect(after.length).toBeGreaterThanOrEqual(before.length);
    await t.db.paper.delete({ where: { id: "2606.00001" } });
  });

  it("list the site's own pages in a sitemap of their own, with each arXiv category and archive that has papers", async () => {
    const pagesSitemap = createPagesSitemapHandler({ db: t.db, siteUrl: SITE_URL });
    const locs = async () =>
      (await urlsOf(await pagesSitemap(new Request(`${SITE_URL}/sitemaps/pages.xml`), undefined))).map((url) => url.loc);
    expect(await locs()).toEqual([`${SITE_URL}/`, `${SITE_URL}/papers/trending`, `${SITE_URL}/about/ranking`]);
    await t.db.paper.update({ where: { id: seeded[0]!.id }, data: { categories: ["cs.CL", "math.OC"] } });
    await t.db.paper.update({ where: { id: HIDDEN[0]! }, data: { categories: ["astro-ph.EP"] } });
    try {
      expect((await locs()).slice(3)).toEqual(["cs", "cs.CL", "math", "math.OC"].map((id) => `${SITE_URL}/papers/category/${id}`));
    } finally {
      await t.db.paper.updateMany({ where: { id: { in: [seeded[0]!.id, HIDDEN[0]!] } }, data: { categories: [] } });
    }
  });

  it("refuse a name that is not a range with a 400 that says what is expected, and an empty range with a 404", async () => {
    for (const range of ["latest.xml", "2026-05-01_2026-05-05", "2026-02-30_latest.xml", "2026-05-01~nope_latest.xml", "a_b_c.xml"]) {
      const response = await paperSitemap(encodeURIComponent(range));
      expect(response.status, range).toBe(400);
      const { error } = (await response.json()) as { error: { param: string; message: string } };
      expect(error.param, range).toBe("range");
      expect(error.message, range).toMatch(/^range: (must name a range of papers like 2026-01-05_2026-03-02\.xml|".+" is not a feed day)/);
    }
    const empty = await paperSitemap("2020-01-01_2020-02-01.xml");
    expect(empty.status).toBe(404);
    expect((await empty.json()).error.message).toContain("/sitemap.xml");
  });
});
