import { expect, test } from "@playwright/test";

// The e2e database holds tests/fixtures; 2606.11176 is on its latest day, 2026-06-16.
const PAPER = "2606.11176";

test("a paper and its day link their Markdown renditions, which the proxy serves and the page cache keeps", async ({ page, request }) => {
  await page.goto(`/papers/${PAPER}`);
  const paperLink = page.locator('link[rel="alternate"][type="text/markdown"]');
  await expect(paperLink).toHaveAttribute("href", new RegExp(`/papers/${PAPER}\\.md$`));

  const rendition = await request.get(`/papers/${PAPER}.md?utm_source=agent`);
  expect(rendition.status()).toBe(200);
  expect(rendition.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(await rendition.text()).toMatch(/^# Data Journalist Agent: Transforming Data into Verifiable Multimodal Stories\n/);
  const again = await request.get(`/papers/${PAPER}.md`);
  expect(again.headers()["x-cache"]).toMatch(/^(HIT|STALE)$/);
  expect(again.headers()["cache-control"]).toMatch(/^public, max-age=60/);

  await page.goto("/papers/date/2026-06-16");
  await expect(page.locator('link[rel="alternate"][type="text/markdown"]')).toHaveAttribute("href", /\/papers\/date\/2026-06-16\.md$/);
  const day = await request.get("/papers/date/2026-06-16.md");
  expect(day.status()).toBe(200);
  expect(await day.text()).toContain(`(${new URL(`/papers/${PAPER}.md`, page.url()).href})`);

  const missing = await request.get("/papers/2401.99999.md");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("text/markdown; charset=utf-8");

  const llms = await request.get("/llms.txt");
  expect(llms.status()).toBe(200);
  expect(await llms.text()).toContain("/papers/date/2026-06-16.md)");
});
