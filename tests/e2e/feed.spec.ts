import { expect, test } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";

const HOSTILE = "Let's <think> about it & $\\textit{x}$ <img src=x onerror=alert(1)>";

test("browses days with previous/next, skipping empty days", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("previous-period").click();
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-12$/);
  await page.getByTestId("previous-period").click();
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-10$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wednesday, June 10, 2026");
  await page.getByTestId("next-period").click();
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-12$/);
});

test("switches to weekly and monthly views and sorts", async ({ page }) => {
  await page.goto("/papers/date/2026-06-10");
  // The week and the month carry the day the reader came from (review-fixes.spec.ts goes back to it).
  await page.getByRole("link", { name: "Weekly" }).click();
  await expect(page).toHaveURL(/\/papers\/week\/2026-W24\?day=2026-06-10$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Week 24");
  await page.getByRole("link", { name: "Monthly" }).click();
  await expect(page).toHaveURL(/\/papers\/month\/2026-06\?day=2026-06-10$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("June 2026");
  // A month of 69 papers comes a page of 50 at a time; "Show more" is a plain link to the rest.
  await expect(page.getByTestId("paper-card")).toHaveCount(50);
  await expect(page.getByTestId("list-position")).toHaveText("Showing 1–50 of 69");
  const paperLinks = () => page.getByTestId("paper-title").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  const firstPage = await paperLinks();
  await page.getByTestId("show-more").click();
  await expect(page.getByTestId("list-position")).toHaveText("Showing 51–69 of 69");
  await expect(page.getByTestId("show-more")).toHaveCount(0);
  const secondPage = await paperLinks();
  expect(new Set([...firstPage, ...secondPage]).size).toBe(69);
  await page.getByRole("navigation", { name: "More papers" }).getByRole("link", { name: "Back to the top" }).click();
  await expect(page).toHaveURL(/\/papers\/month\/2026-06$/);

  await page.getByRole("link", { name: "Most upvoted" }).click();
  await expect(page).toHaveURL(/sort=upvotes$/);
  const counts = (await page.getByTestId("paper-upvotes").allTextContents()).map(Number);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
});

test("the date picker goes to a typed date only when asked, keeps focus, and works without JavaScript", async ({ page, browser }) => {
  await page.goto("/papers/date/2026-06-16");
  const picker = page.getByTestId("date-picker");
  await picker.focus();
  // Typed one segment at a time, as a keyboard user does (en-US order: month, day, year).
  await page.keyboard.type("06102026");
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-16$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-10$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wednesday, June 10, 2026");
  await expect(picker).toBeFocused();
  await expect(picker).toHaveValue("2026-06-10");

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/papers/date/2026-06-16");
  await plain.getByTestId("date-picker").fill("2026-06-12");
  await plain.getByRole("button", { name: "Go" }).click();
  await expect(plain).toHaveURL(/\/papers\/date\/2026-06-12$/);
  await noScript.close();
});

test("keyboard navigation keeps the focus on the control that was used", async ({ page }) => {
  await page.goto("/papers/date/2026-06-16");
  await page.getByTestId("previous-period").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-12$/);
  await expect(page.getByTestId("previous-period")).toBeFocused();

  await page.getByRole("link", { name: "Weekly" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/papers\/week\/2026-W24\?day=2026-06-12$/);
  await expect(page.getByRole("link", { name: "Weekly" })).toBeFocused();
});

test("an empty or future period says so and links to the neighbouring days with papers", async ({ page }) => {
  await page.goto("/papers/date/2026-06-14");
  await expect(page.getByText("No papers in this period")).toBeVisible();
  await expect(page.getByRole("link", { name: "← Friday, June 12, 2026" })).toBeVisible();
  await page.getByRole("link", { name: "Tuesday, June 16, 2026 →" }).click();
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-16$/);

  await page.goto("/papers/month/2099-01");
  await expect(page.getByText("Nothing yet")).toBeVisible();
});

test("404 pages answer 404 in the site's layout and say what to do instead", async ({ page }) => {
  const cases: [string, RegExp, string][] = [
    ["/papers/date/2026-13-45", /No such period/, "Latest papers (Jun 16, 2026)"],
    ["/papers/week/2026-W60", /No such period/, "Trending papers"],
    ["/papers/month/abc", /No such period/, "Trending papers"],
    ["/papers/date/9999-12-31", /No such period/, "Trending papers"],
    ["/papers/week/1989-W01", /No such period/, "Trending papers"],
    ["/papers/9999.99999", /arXiv 9999\.99999 is not here yet/, "Submit it here"],
    ["/papers/not-a-paper", /Not an arXiv id/, "Search for it instead"],
    ["/orgs/no-such-lab", /No such organization/, "Search papers for “no-such-lab”"],
    ["/authors/Nobody%20Here", /No papers by this author here/, "Search papers for “Nobody Here”"],
    ["/no/such/page", /Page not found/, "Trending papers"],
  ];
  for (const [path, heading, action] of cases) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    await expect(page.getByRole("link", { name: action }), path).toBeVisible();
    await expect(page.getByRole("link", { name: "Daily Papers" }), path).toBeVisible(); // the site's header
  }
  await page.goto("/papers/9999.99999");
  await expect(page.getByRole("link", { name: "Open on arXiv" })).toHaveAttribute("href", "https://arxiv.org/abs/9999.99999");
  await expect(page.getByRole("link", { name: "Submit it here" })).toHaveAttribute("href", "/submit?arxiv=9999.99999");
});

test("404 pages are server-rendered: readable without JavaScript, and dark for dark-mode readers", async ({ browser }) => {
  const withoutScripts = await browser.newContext({ javaScriptEnabled: false });
  const page = await withoutScripts.newPage();
  for (const [path, heading] of [
    ["/papers/9999.99999", /arXiv 9999\.99999 is not here yet/],
    ["/orgs/no-such-lab", /No such organization/],
    ["/papers/date/2026-13-45", /No such period/],
    ["/papers/week/2026-W60", /No such period/],
    ["/papers/month/abc", /No such period/],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    expect(await response?.text(), path).not.toContain('id="__next_error__"');
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    await expect(page.getByRole("link", { name: "Daily Papers" }), path).toBeVisible();
  }
  await withoutScripts.close();

  const dark = await browser.newContext({ colorScheme: "dark" });
  const darkPage = await dark.newPage();
  await darkPage.goto("/papers/9999.99999");
  await expect(darkPage.locator("html")).toHaveClass(/\bdark\b/);
  await dark.close();
});

test("every author on a paper page links to their page, which lists the paper", async ({ page }) => {
  await page.goto("/papers/2606.11176");
  const title = await page.getByTestId("paper-title").textContent();
  const author = page.getByTestId("author-list").getByRole("link").first();
  const name = (await author.textContent())!;
  await author.click();
  await expect(page).toHaveURL(`/authors/${encodeURIComponent(name)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("author-summary")).toContainText(/\d+ papers? here, \d+ upvotes? in all/);
  await expect(page.getByTestId("paper-title").filter({ hasText: title! })).toBeVisible();
});

test("a search with no hits suggests what to try, including submitting the arXiv id it names", async ({ page }) => {
  await page.goto("/papers?q=zzyzx%209999.99999");
  await expect(page.getByTestId("no-results")).toContainText("Try fewer words");
  await expect(page.getByRole("link", { name: "Submit it" })).toHaveAttribute("href", "/submit?arxiv=9999.99999");
  await expect(page.getByRole("link", { name: "trending papers" })).toBeVisible();
});

test("searches from the header and opens a paper", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search papers" });
  await search.fill("multimodal stories");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/papers\?q=multimodal\+stories/);
  // One search field and landmark on the results page: the header's, carrying the query.
  await expect(page.getByRole("search")).toHaveCount(1);
  await expect(page.getByRole("searchbox", { name: "Search papers" })).toHaveValue("multimodal stories");
  const first = page.getByTestId("paper-card").first();
  await expect(first.locator("mark").first()).toBeVisible();
  await first.getByTestId("paper-title").click();
  await expect(page).toHaveURL(/\/papers\/2606\.11176$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Data Journalist Agent: Transforming Data into Verifiable Multimodal Stories",
  );
  await expect(page.getByTestId("upvote-breakdown")).toContainText("82 upvotes (82 on Hugging Face)");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Data Journalist Agent/);

  await page.goto("/papers?q=%22%3B%20DROP%20TABLE%20Paper%3B%20--%20%F0%9F%A4%96");
  await expect(page.getByTestId("search-summary")).toContainText("No results");
});

test("dark mode toggles and persists across reloads", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/dark/);
  const toggle = page.getByTestId("theme-toggle");
  await toggle.click(); // system -> light
  await toggle.click(); // light -> dark
  await expect(html).toHaveClass(/dark/);
  const background = await page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
  expect(background).not.toBe("rgb(249, 250, 251)");
  await page.reload();
  await expect(html).toHaveClass(/dark/);
});

test("a hostile title renders as literal text on cards, the paper page and in feeds", async ({ page, request }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto("/papers/date/2026-06-12");
  await expect(page.getByTestId("paper-title")).toHaveText(HOSTILE);
  await expect(page.locator("main img[src='x']")).toHaveCount(0);
  await page.getByTestId("paper-title").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HOSTILE);
  await expect(page).toHaveTitle(`${HOSTILE} · Daily Papers`);
  expect(dialogs).toEqual([]);

  const rss = await request.get("/papers/feed.xml");
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await rss.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).toContain("Let&apos;s &lt;think&gt; about it &amp; $\\textit{x}$");
});

test("every page carries a strict CSP and security headers", async ({ request }) => {
  const response = await request.get("/papers/trending");
  const headers = response.headers();
  // Signed out, the page comes from the page cache: the inline scripts' hashes instead of a nonce.
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'sha256-[^']+'( 'sha256-[^']+')*;/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(await response.text()).toContain("Why here?");
});

test("the read API answers in Hugging Face's shape and rejects bad parameters by name", async ({ request }) => {
  const day = await request.get("/api/daily_papers?date=2026-06-16&limit=5&sort=trending");
  expect(day.status()).toBe(200);
  const items = await day.json();
  expect(items).toHaveLength(5);
  expect(items[0].paper).toMatchObject({ id: expect.any(String), title: expect.any(String), upvotes: expect.any(Number) });
  expect(items[0].paper.authors[0]).toHaveProperty("name");
  const etag = day.headers()["etag"];
  expect(day.headers()["cache-control"]).toContain("max-age");
  const again = await request.get("/api/daily_papers?date=2026-06-16&limit=5&sort=trending", { headers: { "If-None-Match": etag! } });
  expect(again.status()).toBe(304);

  const month = await request.get("/api/daily_papers?month=2026-06&limit=100&p=0");
  expect((await month.json()).length).toBeGreaterThan(60);

  const paper = await request.get("/api/papers/2606.11176");
  expect(await paper.json()).toMatchObject({ id: "2606.11176", upvotes: 82 });
  expect((await request.get("/api/papers/2999.99999")).status()).toBe(404);

  const search = await request.get("/api/papers/search?q=journalist");
  expect((await search.json())[0].paper.id).toBe("2606.11176");

  for (const [query, param] of [
    ["date=2026-13-45", "date"],
    ["week=2026-W60", "week"],
    ["month=abc", "month"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["p=-1", "p"],
    ["sort=best", "sort"],
    ["date=2026-06-16&week=2026-W25", "week"],
    ["date=9999-12-31", "date"],
    ["month=9999-12", "month"],
  ] as const) {
    const response = await request.get(`/api/daily_papers?${query}`);
    expect(response.status(), query).toBe(400);
    const body = await response.json();
    expect(body.error.param, query).toBe(param);
    expect(body.error.message, query).toContain(param);
  }
  expect((await request.get("/api/papers/not-an-id")).status()).toBe(400);
  expect((await request.get("/api/papers/%25")).status()).toBe(400);
  expect((await request.get("/orgs/%25/feed.xml")).status()).toBe(400);
  expect((await request.get("/api/papers/search")).status()).toBe(400);
});
