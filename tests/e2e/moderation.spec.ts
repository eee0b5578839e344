import { expect, test } from "@playwright/test";
import { signInAs, withDatabase } from "./session";

const PAPER_ID = "2606.10651";

test.afterAll(async () => {
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "Comment" WHERE "paperId" = $1`, [PAPER_ID]);
    await db.query(`UPDATE "Paper" SET "localComments" = 0 WHERE id = $1`, [PAPER_ID]);
    await db.query(`DELETE FROM "ModerationAction"`);
  });
});

test("a reader reports a comment; a moderator bans its author and hides it, and the log says so", async ({ browser, baseURL }) => {
  const stamp = Date.now();
  const authorEmail = `spammer-${stamp}@example.com`;

  const author = await browser.newContext();
  await signInAs(author, baseURL!, authorEmail);
  const authorPage = await author.newPage();
  await authorPage.goto(`/papers/${PAPER_ID}`);
  await authorPage.getByLabel("Add a comment").fill("Cheap pills at example.com");
  await authorPage.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(authorPage.getByTestId("comment").filter({ hasText: "Cheap pills" })).toBeVisible();

  const reader = await browser.newContext();
  await signInAs(reader, baseURL!, `reporter-${stamp}@example.com`);
  const readerPage = await reader.newPage();
  await readerPage.goto(`/papers/${PAPER_ID}`);
  const spam = readerPage.getByTestId("comment").filter({ hasText: "Cheap pills" });
  await spam.locator("summary", { hasText: "Report" }).click();
  await spam.getByLabel("What is wrong?").fill("Spam");
  await spam.getByRole("button", { name: "Send report" }).click();
  await expect(spam.getByRole("status").filter({ hasText: "Thank you" })).toHaveText("Thank you: the moderators will look at it.");

  const moderator = await browser.newContext();
  await signInAs(moderator, baseURL!, "operator@example.com");
  const console_ = await moderator.newPage();
  await console_.goto("/admin");
  const report = console_.getByTestId("report").filter({ hasText: "Cheap pills" });
  await expect(report).toContainText("Reason: Spam");
  await report.getByRole("button", { name: "Ban author" }).click();
  await expect(console_.getByRole("status").filter({ hasText: "Done: banned." })).toBeVisible();
  await console_.getByTestId("report").filter({ hasText: "Cheap pills" }).getByRole("button", { name: "Hide comment" }).click();
  await expect(console_.getByRole("status").filter({ hasText: "Done: hid comment." })).toBeVisible();
  await expect(console_.getByTestId("report").filter({ hasText: "Cheap pills" })).toHaveCount(0);
  const log = console_.getByTestId("moderation-log");
  await expect(log).toContainText(`operator@example.com banned ${authorEmail}: Reported: Spam`);
  await expect(log).toContainText("operator@example.com hid comment");

  // A hidden comment with no replies leaves nothing behind (one with replies leaves a tombstone).
  await readerPage.reload();
  await expect(readerPage.getByRole("region", { name: /Discussion/ }).getByRole("heading", { level: 2 })).toHaveText("Discussion (0)");
  await expect(readerPage.getByText("Cheap pills")).toHaveCount(0);
  // The banned author was signed out, and the site says so where they would comment.
  await authorPage.reload();
  await expect(authorPage.getByRole("region", { name: /Discussion/ }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await Promise.all([author.close(), reader.close(), moderator.close()]);
});
