import { expect, test } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import { withDatabase } from "./session";

// What a search engine finds on the production server: robots.txt names the sitemap index, whose
// sitemaps name every visible paper once; all of it served from the page cache.

const parser = new XMLParser({ isArray: (name) => name === "sitemap" || name === "url" });

test("robots.txt leads to the sitemap index, whose sitemaps name every visible paper once", async ({ request, baseURL }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(await robots.text()).toContain(`\nSitemap: ${baseURL}/sitemap.xml\n`);

  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  expect(index.headers()["cache-control"]).toMatch(/^public, max-age=3600/);
  const sitemaps = (parser.parse(await index.text()) as { sitemapindex: { sitemap: { loc: string }[] } }).sitemapindex.sitemap;
  expect(sitemaps[0]!.loc).toBe(`${baseURL}/sitemaps/pages.xml`);

  const listed: string[] = [];
  for (const { loc } of sitemaps.slice(1)) {
    const sitemap = await request.get(loc);
    expect(sitemap.status(), loc).toBe(200);
    listed.push(...(parser.parse(await sitemap.text()) as { urlset: { url: { loc: string }[] } }).urlset.url.map((url) => url.loc));
  }
  const visible = await withDatabase(
    async (db) => (await db.query(`SELECT id FROM "Paper" WHERE "hiddenAt" IS NULL`)).rows as { id: string }[],
  );
  expect(listed.sort()).toEqual(visible.map(({ id }) => `${baseURL}/papers/${id}`).sort());
  expect((await request.get(listed[0]!)).status()).toBe(200);

  // Kept by the page cache like any public page.
  expect((await request.get("/sitemap.xml")).headers()["x-cache"]).toMatch(/^(HIT|STALE)$/);
});
