import { expect, test } from "@playwright/test";
import { signInAs } from "./session";

// The e2e data's newest days are in June 2026: the feed's week ends at the clock, so these
// follows are checked on their pages and on /me; the feed's own content is covered by
// tests/integration/for-you.test.ts with a fixed clock.
test("a reader follows an organization and a topic, sees them on /me and the feed explains itself", async ({ page, baseURL }) => {
  const signedOut = await page.goto("/papers/for-you");
  expect(signedOut?.status()).toBe(200);
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    "/auth/signin?callbackUrl=%2Fpapers%2Ffor-you",
  );

  await signInAs(page.context(), baseURL!, `follower-${Date.now()}@example.com`);
  const org = (await page.request.get("/api/daily_papers?date=2026-06-10&limit=100").then((response) => response.json())) as {
    paper: { organization?: { name: string } };
  }[];
  const name = org.find((item) => item.paper.organization)!.paper.organization!.name;
  await page.goto(`/orgs/${encodeURIComponent(name)}`);
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("button", { name: /Following/ })).toBeVisible();

  await page.goto("/papers?q=diffusion");
  await page.getByRole("button", { name: "Follow this search" }).click();
  await expect(page.getByRole("button", { name: /Following/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: /Following/ })).toBeVisible();

  await page.goto("/me");
  const follows = page.getByRole("region", { name: "What you follow" });
  await expect(follows).toContainText(`You follow ${name}`);
  await expect(follows).toContainText("Matches your topic: diffusion");

  await page.goto("/papers/for-you");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("For you");
  await expect(page.getByText("You follow nothing yet")).toHaveCount(0);
});
