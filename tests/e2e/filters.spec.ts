import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_CATEGORIES, setCategories } from "./categories";
import { signInAs } from "./session";

// The filter bar on every list (issue 21), on the e2e data with the categories of ./categories.ts:
// cs.CL's day 2026-06-16 holds 2606.11176 (cs.CL, cs.AI), 2606.14066 (cs.CL) and 2606.14777
// (cs.CV, cs.CL); the whole feed's day also holds 2606.17046 (cs.RO, cs.CV) and papers without categories.

let restoreCategories: () => Promise<void>;

test.beforeAll(async () => {
  restoreCategories = await setCategories(E2E_CATEGORIES);
});

test.afterAll(async () => {
  await restoreCategories();
});

const cardIds = (page: Page) =>
  page.getByTestId("paper-title").evaluateAll((links) => links.map((link) => link.getAttribute("href")!.replace("/papers/", "")).sort());

const filterBar = (page: Page) => page.getByTestId("filter-bar");

/** The period's paper count under its heading ("3 papers"). */
const paperCount = (page: Page) => page.getByRole("main").getByText(/^\d[\d,]* papers?\b/);

/** The address, the count and the cards say the same: these papers, this many. */
async function expectList(page: Page, url: RegExp, ids: string[]) {
  await expect(page).toHaveURL(url);
  await expect.poll(() => cardIds(page)).toEqual(ids);
  await expect(paperCount(page)).toHaveText(new RegExp(`^${ids.length} ${ids.length === 1 ? "paper" : "papers"}\\b`));
}

/** Presses Tab until `target` has the focus: the bar is reached by keyboard wherever the list puts it. */
async function tabTo(page: Page, target: Locator, limit = 100) {
  for (let presses = 0; presses <= limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${limit} presses of Tab did not reach ${target}`);
}

test("a reader goes from a paper's category chip to the category's day and excludes a category with the bar, by keyboard", async ({
  page,
}) => {
  await page.goto("/papers/2606.11176");
  await page.getByTestId("paper-topics").getByRole("link", { name: "cs.CL Computation and Language" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Tuesday, June 16, 2026" })).toBeVisible();
  await expectList(page, /\/papers\/category\/cs\.CL$/, ["2606.11176", "2606.14066", "2606.14777"]);

  const bar = filterBar(page);
  const summary = bar.locator("summary");
  await expect(summary).toHaveText("Filter by category, code or upvotes");
  await tabTo(page, summary);
  await page.keyboard.press("Enter");
  const exclude = bar.getByRole("combobox", { name: "Exclude categories" });
  await tabTo(page, exclude, 10);
  await page.keyboard.type("cs.CV");
  await page.keyboard.press("Enter");

  await expectList(page, /\/papers\/category\/cs\.CL\?not=cs\.CV$/, ["2606.11176", "2606.14066"]);
  await expect(bar.getByTestId("filter-summary")).toHaveText("not in cs.CV");
  expect(await page.getByTestId("paper-card").getByTestId("category-chip").allInnerTexts()).not.toContain("cs.CV");
  // The list changed in place: the field keeps the focus, empty again, the category a chip below it.
  await expect(exclude).toBeFocused();
  await expect(exclude).toHaveValue("");
  await expect(bar.getByTestId("filter-chip-not")).toHaveText(["cs.CV"]);

  // An unknown category is refused where it was typed, and the list stays.
  await page.keyboard.type("cs.XX");
  await page.keyboard.press("Enter");
  await expect(bar.getByRole("alert")).toHaveText(/“cs\.XX” is not an arXiv category/);
  await expect(exclude).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\?not=cs\.CV$/);
  await exclude.fill("");

  // The chip's removal, by keyboard too, brings the paper back; the focus returns to the field.
  const remove = bar.getByRole("link", { name: "Remove cs.CV from excluded" });
  await tabTo(page, remove, 5);
  await page.keyboard.press("Enter");
  await expectList(page, /\/papers\/category\/cs\.CL$/, ["2606.11176", "2606.14066", "2606.14777"]);
  await expect(exclude).toBeFocused();
  await expect(bar.getByTestId("filter-summary")).toHaveCount(0);
});

test("a keyword chip opens the keyword's page, which takes the same filters", async ({ page }) => {
  await page.goto("/papers/2606.14777");
  await page.getByTestId("paper-topics").getByRole("link", { name: "vision-language model", exact: true }).click();
  await expect(page).toHaveURL(/\/papers\/keyword\/vision-language%20model$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Papers on “vision-language model”");
  expect(await cardIds(page)).toEqual(["2606.14777"]);

  const bar = filterBar(page);
  await bar.locator("summary").click();
  await bar.getByRole("combobox", { name: "Include categories" }).fill("cs.CV");
  await bar.getByRole("combobox", { name: "Include categories" }).press("Enter");
  await expectList(page, /\/papers\/keyword\/vision-language%20model\?cat=cs\.CV$/, ["2606.14777"]);
  await expect(bar.getByTestId("filter-summary")).toHaveText("in cs.CV");
});

test("at 375 px the bar fits without scrolling sideways and works", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  await page.goto("/papers/category/cs.CL?not=cs.CV");
  const bar = filterBar(page);
  await expect(bar.getByTestId("filter-summary")).toHaveText("not in cs.CV");
  expect(await scrollWidth()).toBeLessThanOrEqual(375);

  await bar.locator("summary").click();
  const exclude = bar.getByRole("combobox", { name: "Exclude categories" });
  await expect(exclude).toBeVisible();
  expect(await scrollWidth()).toBeLessThanOrEqual(375);
  const box = (await bar.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);

  await exclude.fill("cs.AI");
  await exclude.press("Enter");
  await expectList(page, /\?not=cs\.AI&not=cs\.CV$/, ["2606.14066"]);
  await expect(bar.getByTestId("filter-chip-not")).toHaveText(["cs.AI", "cs.CV"]);

  await bar.getByRole("checkbox", { name: "Has code" }).check();
  await bar.getByRole("button", { name: "Apply" }).click();
  await expectList(page, /\?not=cs\.AI&not=cs\.CV&code=1$/, ["2606.14066"]);
  await expect(bar.getByTestId("filter-summary")).toHaveText("not in cs.AI or cs.CV, with code");
  expect(await scrollWidth()).toBeLessThanOrEqual(375);

  await bar.getByRole("link", { name: "Clear filters" }).click();
  await expectList(page, /\/papers\/category\/cs\.CL$/, ["2606.11176", "2606.14066", "2606.14777"]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the bar is a plain form: its fields, empty ones too, make the list's address", async ({ page }) => {
    await page.goto("/papers/category/cs.CL?sort=newest");
    const bar = filterBar(page);
    await bar.locator("summary").click();
    await bar.getByRole("combobox", { name: "Exclude categories" }).fill("cs.CV");
    await bar.getByRole("button", { name: "Apply" }).click();
    // A plain form sends its empty fields too (`cat=`, `min=`): they filter nothing.
    await expect(page).toHaveURL(/\/papers\/category\/cs\.CL\?sort=newest&.*not=cs\.CV/);
    expect(await cardIds(page)).toEqual(["2606.11176", "2606.14066"]);
    await expect(filterBar(page).getByTestId("filter-summary")).toHaveText("not in cs.CV");
  });
});

test("a signed-in reader saves a filter as their default; the main feed opens with it until it is cleared", async ({ page, baseURL }) => {
  await signInAs(page.context(), baseURL!, `filters-${Date.now()}@example.com`);
  const bar = filterBar(page);
  await page.goto("/papers/date/2026-06-16");
  expect(await cardIds(page)).toEqual(expect.arrayContaining(["2606.14777", "2606.17046"]));
  await bar.locator("summary").click();
  await expect(bar.getByTestId("default-filter")).toContainText("No default filter");
  const exclude = bar.getByRole("combobox", { name: "Exclude categories" });
  await exclude.fill("cs.CV");
  await exclude.press("Enter");
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-16\?not=cs\.CV$/);

  await bar.getByRole("button", { name: "Save as my default" }).click();
  await expect(bar.getByRole("status")).toHaveText("Saved: the main feed now opens with this filter.");
  await expect(bar.getByTestId("default-filter")).toContainText("Your default: not in cs.CV");
  await expect(bar.getByRole("button", { name: "Save as my default" })).toHaveCount(0);

  // The whole feed's pages without a filter in their address show the default.
  await page.goto("/papers/date/2026-06-16");
  await expect(bar.locator("summary")).toHaveText("Filters: not in cs.CV (your default)");
  const ids = await cardIds(page);
  expect(ids).toContain("2606.11176");
  expect(ids).not.toContain("2606.14777");
  expect(ids).not.toContain("2606.17046");
  await page.goto("/");
  await expect(page).toHaveURL(/\/$/);
  await expect(bar.locator("summary")).toHaveText("Filters: not in cs.CV (your default)");
  expect(await page.getByTestId("paper-card").getByTestId("category-chip").allInnerTexts()).not.toContain("cs.CV");

  // "Clear filters" shows every paper this once (`code=0` in the address); the default stays.
  await page.goto("/papers/date/2026-06-16");
  await bar.locator("summary").click();
  await bar.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-16\?code=0$/);
  await expect.poll(() => cardIds(page)).toEqual(expect.arrayContaining(["2606.14777", "2606.17046"]));
  await expect(bar.getByTestId("default-filter")).toContainText("Your default: not in cs.CV");

  // A category's pages are not the main feed: no default there, and none to save.
  await page.goto("/papers/category/cs");
  expect(await cardIds(page)).toContain("2606.14777");
  await expect(bar.getByTestId("filter-summary")).toHaveCount(0);
  await expect(bar.getByTestId("default-filter")).toHaveCount(0);

  // /me shows it and clears it.
  await page.goto("/me");
  await expect(page.getByTestId("default-filter-summary")).toContainText("The main feed opens filtered: not in cs.CV.");
  await page.getByRole("button", { name: "Clear default" }).click();
  await expect(page.getByTestId("default-filter-summary")).toContainText("None: the main feed shows every paper.");
  await page.goto("/papers/date/2026-06-16");
  expect(await cardIds(page)).toEqual(expect.arrayContaining(["2606.14777", "2606.17046"]));
  await expect(bar.getByTestId("filter-summary")).toHaveCount(0);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds nothing with the filter bar open on a filtered day, a category and a keyword page (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    const found: string[] = [];
    for (const path of [
      "/papers/date/2026-06-16?not=cs.CV&code=1",
      "/papers/category/cs.CL?not=cs.AI&min=1",
      "/papers/keyword/vision-language%20model?cat=cs.CV",
    ]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      await filterBar(page).locator("summary").click();
      await expect(filterBar(page).getByRole("button", { name: "Apply" })).toBeVisible();
      // And with a field's error showing.
      if (path.startsWith("/papers/category/")) {
        await filterBar(page).getByRole("combobox", { name: "Include categories" }).fill("nonsense");
        await filterBar(page).getByRole("combobox", { name: "Include categories" }).press("Enter");
        await expect(filterBar(page).getByRole("alert")).toBeVisible();
      }
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      found.push(
        ...violations.map(
          (violation) => `${path}: ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
        ),
      );
    }
    expect(found, found.join("\n")).toEqual([]);
  });
}
