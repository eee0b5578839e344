import { expect, test, type Page } from "@playwright/test";
import { E2E_CATEGORIES, setCategories } from "./categories";

let restoreCategories: () => Promise<void>;

test.beforeAll(async () => {
  restoreCategories = await setCategories(E2E_CATEGORIES);
});

test.afterAll(async () => {
  await restoreCategories();
});

const cardIds = (page: Page) =>
  page.getByTestId("paper-title").evaluateAll((links) => links.map((link) => link.getAttribute("href")!.replace("/papers/", "")).sort());

test("a reader opens a paper, clicks its category chip and lands on the category's latest day with its papers", async ({ page }) => {
  await page.goto("/papers/2606.11176");
  const topics = page.getByTestId("paper-topics");
  await expect(topics.getByTestId("category-chip")).toHaveText(["cs.CL Computation and Language", "cs.AI Artificial Intelligence"]);
  await topics.getByRole("link", { name: "cs.CL Computation and Language" }).click();

  await expect(page).toHaveURL(/\/papers\/category\/cs\.CL$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Computation and Language (cs.CL)");
  await expect(page.getByRole("heading", { level: 2, name: "Tuesday, June 16, 2026" })).toBeVisible();
  // Its papers of that day, the cross-listed one included, and nothing else.
  expect(await cardIds(page)).toEqual(["2606.11176", "2606.14066", "2606.14777"]);
  // Each card's chip is its primary category, named on hover and for screen readers.
  const crossListed = page.getByTestId("paper-card").filter({ hasText: "JoyAI-VL-Interaction" }).getByTestId("category-chip");
  await expect(crossListed).toHaveText("cs.CV");
  await expect(crossListed).toHaveAttribute("title", "Computer Vision and Pattern Recognition");
  await expect(crossListed).toHaveAccessibleName("cs.CV: Computer Vision and Pattern Recognition");

  // The category's previous day with papers, then the card chip to another category, by keyboard.
  await page.getByTestId("previous-period").click();
  await expect(page).toHaveURL(/\/papers\/category\/cs\.CL\/date\/2026-06-10$/);
  expect(await cardIds(page)).toEqual(["2606.10917"]);
  await page.goto("/papers/category/cs.CL");
  await crossListed.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/papers\/category\/cs\.CV$/);
  expect(await cardIds(page)).toEqual(["2606.14777", "2606.17046"]);

  // The archive holds every cs category; its week and the date picker stay within it.
  await page.goto("/papers/category/cs/week/2026-W25");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Computer Science (cs)");
  expect(await cardIds(page)).toEqual(["2606.11176", "2606.14066", "2606.14777", "2606.17046"]);
  await page.getByRole("navigation", { name: "Period length" }).getByRole("link", { name: "Daily" }).click();
  await expect(page).toHaveURL(/\/papers\/category\/cs\/date\/2026-06-15$/);
  await page.getByTestId("date-picker").fill("2026-06-10");
  await page.getByTestId("date-picker").press("Enter");
  await expect(page).toHaveURL(/\/papers\/category\/cs\/date\/2026-06-10$/);
  expect(await cardIds(page)).toEqual(["2606.10917"]);

  await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Trending" }).click();
  await expect(page).toHaveURL(/\/papers\/category\/cs\/trending$/);
  await expect(page.getByRole("heading", { level: 2, name: "Trending papers" })).toBeVisible();
});

test("a keyword chip opens the keyword's page", async ({ page }) => {
  await page.goto("/papers/2606.14777");
  await page.getByTestId("paper-topics").getByRole("link", { name: "vision-language model", exact: true }).click();
  await expect(page).toHaveURL(/\/papers\/keyword\/vision-language%20model$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Papers on “vision-language model”");
  expect(await cardIds(page)).toEqual(["2606.14777"]);
  await page.getByTestId("previous-period").click();
  await expect(page).toHaveURL(/\/papers\/keyword\/vision-language%20model\/date\/2026-06-12$/);
  expect(await cardIds(page)).toEqual(["2606.99999"]);
});

test("unknown categories and keywords are 404 pages; feeds list the category's papers", async ({ page, request }) => {
  for (const [path, heading] of [
    ["/papers/category/xx.YY", "No such arXiv category"],
    ["/papers/category/CS.CL/trending", "No such arXiv category"],
    ["/papers/category/cs.CL/date/2026-13-45", "No such period"],
    ["/papers/keyword/no%20paper%20has%20this", "No papers with this keyword here"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
  }

  const feed = await request.get("/papers/category/cs.CL/feed.json");
  expect(feed.status()).toBe(200);
  const items = ((await feed.json()) as { items: { url: string }[] }).items.map((item) => item.url.replace(/^.*\/papers\//, ""));
  expect(items.sort()).toEqual(["2606.10917", "2606.11176", "2606.14066", "2606.14777"]);
  const rss = await request.get("/papers/category/cs.CL/feed.xml");
  expect(await rss.text()).toContain("<title>Computation and Language (cs.CL) · Daily Papers</title>");
  const unknown = await request.get("/papers/category/xx.YY/feed.json");
  expect(unknown.status()).toBe(404);
  expect(((await unknown.json()) as { error: { param: string } }).error.param).toBe("cat");
});
