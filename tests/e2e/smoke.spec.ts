import { expect, test } from "@playwright/test";

test("the home page shows the latest day's papers as cards", async ({ page }) => {
  await page.goto("/");
  // The e2e database holds tests/fixtures; its latest day is 2026-06-16.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tuesday, June 16, 2026");
  await expect(page.getByText("Get trending papers in your email inbox!")).toBeVisible();
  const mainNav = page.getByRole("navigation", { name: "Main" });
  await expect(mainNav.getByRole("link", { name: "Daily" })).toHaveAttribute("aria-current", "page");
  await expect(mainNav.getByRole("link", { name: "Trending" })).not.toHaveAttribute("aria-current", "page");

  const cards = page.getByTestId("paper-card");
  await expect(cards).toHaveCount(34);
  const first = cards.first();
  await expect(first.getByTestId("paper-title")).not.toBeEmpty();
  await expect(first.getByTestId("paper-authors")).toHaveText(/^\d+ authors?$/);
  // The accessible name starts with what the button shows: its count.
  const count = await first.getByTestId("paper-upvotes").textContent();
  await expect(first.getByTestId("upvote-button")).toHaveAccessibleName(new RegExp(`^${count} upvotes?, sign in to upvote$`));

  // The re-submitted paper moved to this day with its newer count.
  const moved = cards.filter({ hasText: "Data Journalist Agent: Transforming Data into Verifiable Multimodal Stories" });
  await expect(moved.getByTestId("paper-upvotes")).toHaveText("82");
});

test("the layout links the web manifest and icons that public/ serves, and robots.txt keeps crawlers off private pages", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/manifest.webmanifest");
  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest.name).toBe("Daily Papers");
  const iconUrls = [
    ...manifest.icons.map((icon: { src: string }) => icon.src),
    await page.locator('link[rel="apple-touch-icon"]').getAttribute("href"),
    await page.locator('link[rel="icon"]').first().getAttribute("href"),
  ];
  for (const url of new Set(iconUrls)) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-type"], url).toMatch(/^image\//);
  }

  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toContain("Disallow: /me");
});
