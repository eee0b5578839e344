import { expect, test } from "@playwright/test";

test("the home page shows the latest day's papers as cards", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Daily Papers" })).toBeVisible();
  // The e2e database holds tests/fixtures/hf-daily-papers; its latest day is 2026-06-16.
  await expect(page.locator("time")).toHaveAttribute("datetime", "2026-06-16");

  const cards = page.getByTestId("paper-card");
  await expect(cards).toHaveCount(34);
  const first = cards.first();
  await expect(first.getByTestId("paper-title")).not.toBeEmpty();
  await expect(first.getByTestId("paper-authors")).toHaveText(/^\d+ authors?$/);
  const upvotes = Number(await first.getByTestId("paper-upvotes").textContent());
  const second = Number(await cards.nth(1).getByTestId("paper-upvotes").textContent());
  expect(upvotes).toBeGreaterThanOrEqual(second);

  // The re-submitted paper moved to this day with its newer count.
  const moved = cards.filter({ has: page.getByTestId("paper-title") }).filter({ hasText: await titleOf("2606.11176") });
  await expect(moved.getByTestId("paper-upvotes")).toHaveText("82");
});

async function titleOf(id: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const items = JSON.parse(await readFile(new URL("../fixtures/hf-daily-papers/2026-06-16.json", import.meta.url), "utf8")) as {
    title: string;
    paper: { id: string };
  }[];
  return items.find((item) => item.paper.id === id)!.title;
}
