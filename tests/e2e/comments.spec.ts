import { expect, test } from "@playwright/test";
import { signInAs, withDatabase } from "./session";

const PAPER = "/papers/2606.11176";

test.afterAll(async () => {
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "Comment" WHERE "paperId" = '2606.11176'`);
    await db.query(`UPDATE "Paper" SET "localComments" = 0 WHERE id = '2606.11176'`);
  });
});

test("a reader comments with Markdown and math, replies, edits and deletes", async ({ page, baseURL }) => {
  await signInAs(page.context(), baseURL!, `commenter-${Date.now()}@example.com`);
  await page.goto(PAPER);
  const discussion = page.getByRole("region", { name: /Discussion/ });
  await expect(discussion.getByRole("heading", { level: 2 })).toHaveText("Discussion (0)");

  await discussion.getByLabel("Add a comment").fill("Nice **result**: $E = mc^2$ compares well with 2606.10651.");
  await discussion.getByRole("button", { name: "Comment", exact: true }).click();
  const thread = discussion.getByTestId("comment-thread").first();
  await expect(thread.locator("strong")).toHaveText("result");
  await expect(thread.locator(".katex").first()).toBeVisible();
  await expect(thread.getByRole("link", { name: "2606.10651" })).toHaveAttribute("href", "/papers/2606.10651");
  await expect(discussion.getByRole("heading", { level: 2 })).toHaveText("Discussion (1)");
  // The field is empty again for the next comment.
  await expect(discussion.getByLabel("Add a comment")).toHaveValue("");

  await thread.locator("summary", { hasText: "Reply" }).click();
  await thread.getByLabel("Your reply").fill("Replying to myself.");
  await thread.getByRole("button", { name: "Reply", exact: true }).click();
  const reply = thread.getByTestId("comment").nth(1);
  await expect(reply).toContainText("Replying to myself.");

  await reply.locator("summary", { hasText: "Edit" }).click();
  await reply.getByLabel("Edit your comment").fill("Replying to myself, edited.");
  await reply.getByRole("button", { name: "Save" }).click();
  await expect(reply).toContainText("Replying to myself, edited.");
  await expect(reply).toContainText("edited");

  await thread.getByTestId("comment").first().getByRole("button", { name: "Delete" }).click();
  await expect(thread.getByTestId("comment").first()).toContainText("[deleted]");
  await expect(reply).toContainText("Replying to myself, edited.");
  await expect(discussion.getByRole("heading", { level: 2 })).toHaveText("Discussion (1)");
});

test("commenting works without JavaScript, and an empty comment gets a clear message", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(context, baseURL!, `no-js-commenter-${Date.now()}@example.com`);
  const page = await context.newPage();
  await page.goto(PAPER);
  await page.getByLabel("Add a comment").fill("Posted without JavaScript.");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("comment").filter({ hasText: "Posted without JavaScript." })).toBeVisible();
  await page.getByLabel("Add a comment").fill("   ");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Write something first: the comment is empty.");
  await context.close();
});

test("a reader picks a handle on /me; comments show it and link to the public profile", async ({ page, baseURL }) => {
  const handle = `reader-e2e-${Date.now().toString(36)}`;
  await signInAs(page.context(), baseURL!, `${handle}@example.com`);
  await page.goto("/me");
  const profile = page.getByRole("region", { name: "Public profile" });
  await profile.getByLabel("Handle").fill("admin");
  await profile.getByRole("button", { name: "Save handle" }).click();
  await expect(profile.getByRole("alert")).toHaveText("That handle is reserved; pick another.");
  await profile.getByLabel("Handle").fill(handle);
  await profile.getByRole("button", { name: "Save handle" }).click();
  await expect(profile.getByRole("status")).toContainText(`/users/${handle}`);

  await page.goto(PAPER);
  await page.getByLabel("Add a comment").fill("Signed with my handle.");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  const mine = page.getByTestId("comment").filter({ hasText: "Signed with my handle." });
  await mine.getByRole("link", { name: handle }).click();
  await expect(page).toHaveURL(`/users/${handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(handle);
  await expect(page.getByTestId("profile-comments")).toContainText("Signed with my handle.");
});

test("signed out, the discussion is readable and offers sign-in", async ({ page }) => {
  await page.goto(PAPER);
  const discussion = page.getByRole("region", { name: /Discussion/ });
  await expect(discussion.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", /callbackUrl=%2Fpapers%2F2606\.11176/);
  await expect(discussion.getByLabel("Add a comment")).toHaveCount(0);
});
