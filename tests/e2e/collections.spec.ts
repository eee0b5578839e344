import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe";
import { signInAs, withDatabase } from "./session";

// A reader makes a collection from a card's More menu, adds a second paper from another card,
// makes it public; a second reader, who got a 404 while it was private, follows it and finds its
// papers at the top of For you, with the reason.

const NAME = `E2E picks ${Date.now().toString(36)}`;

test.afterAll(async () => {
  await withDatabase((db) => db.query(`DELETE FROM "Collection" WHERE name LIKE 'E2E picks %'`));
});

async function storedPapers(name: string): Promise<number> {
  return withDatabase(async (db) => {
    const { rows } = await db.query<{ count: string }>(
      `SELECT count(*) FROM "CollectionPaper" cp JOIN "Collection" c ON c.id = cp."collectionId" WHERE c.name = $1`,
      [name],
    );
    return Number(rows[0]!.count);
  });
}

test("a reader makes a collection from cards, makes it public, and a second reader follows it", async ({ browser, baseURL }) => {
  const curatorContext = await browser.newContext();
  await signInAs(curatorContext, baseURL!, `curator-${Date.now()}@example.com`);
  const curator = await curatorContext.newPage();
  await curator.goto("/");
  const cards = curator.getByTestId("paper-card");
  const titles = [
    (await cards.nth(0).getByTestId("paper-title").innerText()).trim(),
    (await cards.nth(1).getByTestId("paper-title").innerText()).trim(),
  ];

  // First card: a new collection holding it.
  await cards.nth(0).getByTestId("card-more").click();
  const first = cards.nth(0).getByTestId("add-to-collection");
  await first.locator("summary").click();
  await first.getByLabel("New collection name").fill(NAME);
  await first.getByRole("button", { name: "Add" }).click();
  await expect(first.getByRole("status")).toContainText(`Made ${NAME} (private) with this paper.`);

  // Second card: tick the collection.
  await cards.nth(1).getByTestId("card-more").click();
  const second = cards.nth(1).getByTestId("add-to-collection");
  await second.locator("summary").click();
  await second.getByRole("checkbox", { name: NAME }).check();
  await expect(second.getByRole("status")).toContainText(`Added to ${NAME}.`);
  await expect.poll(() => storedPapers(NAME)).toBe(2);

  await curator.goto("/me/collections");
  await curator.getByRole("link", { name: NAME }).click();
  await expect(curator.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(curator.getByTestId("collection-entry")).toHaveCount(2);
  await expect(curator.getByTestId("collection-entry").getByTestId("paper-title")).toHaveText([titles[1]!, titles[0]!]);
  const address = new URL(curator.url()).pathname;

  // Private: nobody else sees it.
  const followerContext = await browser.newContext();
  await signInAs(followerContext, baseURL!, `follower-${Date.now()}@example.com`);
  const follower = await followerContext.newPage();
  expect((await follower.goto(address))?.status()).toBe(404);
  await expect(follower.getByRole("heading", { name: "No such collection" })).toBeVisible();

  // Made public, it is.
  const settings = curator.getByRole("region", { name: "Edit the collection" });
  await settings.getByRole("radio", { name: /Public/ }).check();
  await settings.getByRole("button", { name: "Save changes" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved.");
  expect(await axeViolations(curator)).toEqual([]);

  expect((await follower.goto(address))?.status()).toBe(200);
  await expect(follower.getByTestId("collection-entry")).toHaveCount(2);
  const follow = follower.getByTestId("follow-collection");
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(() =>
      withDatabase(async (db) => {
        const { rows } = await db.query(
          `SELECT 1 FROM "CollectionFollow" f JOIN "Collection" c ON c.id = f."collectionId" WHERE c.name = $1`,
          [NAME],
        );
        return rows.length;
      }),
    )
    .toBe(1);
  expect(await axeViolations(follower)).toEqual([]);

  // Its papers come first in the follower's For you, saying why.
  await follower.goto("/papers/for-you");
  const reasons = follower.getByTestId("for-you-reason");
  await expect(reasons.first()).toContainText(`In ${NAME} by `);
  await expect(follower.getByTestId("paper-card").first().getByTestId("paper-title")).toHaveText(titles[1]!);

  await curatorContext.close();
  await followerContext.close();
});
