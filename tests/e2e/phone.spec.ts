import { expect, test, type Locator } from "@playwright/test";

// An iPhone SE's screen: the smallest common phone.
test.use({ viewport: { width: 375, height: 667 } });

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, "the element is laid out").not.toBeNull();
  return found!;
}

test("a phone's first screen shows the first card's title and the start of its abstract", async ({ page }, testInfo) => {
  await page.goto("/papers/date/2026-06-10");
  const header = await box(page.locator("body > header"));
  expect(header.height, "the header is one row").toBeLessThan(70);
  const first = page.getByTestId("paper-card").first();
  for (const part of [first.getByTestId("paper-title"), first.getByTestId("paper-abstract")]) {
    const { y } = await box(part);
    expect(y, "starts within the first screen").toBeGreaterThanOrEqual(0);
    expect(y + 20, "its first line is within the first screen").toBeLessThanOrEqual(667);
  }
  await testInfo.attach("day page at 375 px", { body: await page.screenshot(), contentType: "image/png" });
});

test("on a phone, search opens from the header's search button and takes what is typed at once", async ({ page }) => {
  await page.goto("/");
  const field = page.getByRole("searchbox", { name: "Search papers" });
  await expect(field).toBeHidden();
  await page.getByRole("button", { name: "Search papers" }).click();
  await expect(field).toBeFocused();
  await page.keyboard.type("multimodal stories");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/papers\?q=multimodal\+stories/);
  await expect(page.getByRole("searchbox", { name: "Search papers" })).toHaveValue("multimodal stories");

  await page.goto("/");
  await page.getByRole("button", { name: "Search papers" }).click();
  await page.keyboard.press("Escape");
  await expect(field).toBeHidden();
  await expect(page.getByRole("button", { name: "Search papers" })).toBeFocused();
});

test("the subscribe banner can be dismissed, and stays dismissed on later visits", async ({ page }) => {
  await page.goto("/");
  const banner = page.getByRole("complementary", { name: "Email digest" });
  await expect(banner).toBeVisible();
  await page.getByRole("button", { name: "Dismiss the subscribe banner" }).click();
  await expect(banner).toBeHidden();
  await page.goto("/papers/date/2026-06-10");
  // Hidden before first paint, by the script in the document's head, not after hydration.
  expect(await page.locator("[data-subscribe-banner]").evaluate((element) => getComputedStyle(element).display)).toBe("none");
});

test("links and summaries are tap targets of at least 24 px", async ({ page }) => {
  await page.goto("/papers/month/2026-06");
  const targets = [
    page.getByTestId("show-more"),
    page.getByTestId("card-more").first(),
    page.getByTestId("paper-authors").first(),
    page.getByRole("link", { name: "How ranking works" }),
    page.getByRole("link", { name: "API", exact: true }),
    page.getByRole("link", { name: "RSS", exact: true }),
    page.getByTestId("previous-period"),
  ];
  for (const target of targets) {
    const { height, width } = await box(target);
    expect(Math.min(height, width), (await target.textContent()) ?? "").toBeGreaterThanOrEqual(24);
  }
});
