import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe";
import { signInAs, withDatabase } from "./session";

// Two threads seeded on a paper no other spec discusses: the younger one leads the best order
// until a reader upvotes the older one, whose writer is a verified author of the paper.

const PAPER_ID = "2510.03120";
const PAPER = `/papers/${PAPER_ID}`;
const RUN = Date.now().toString(36);
const AUTHOR_THREAD = `e2e-vote-author-${RUN}`;
const READER_THREAD = `e2e-vote-reader-${RUN}`;
const WRITERS = [`e2e-vote-author-${RUN}`, `e2e-vote-reader-${RUN}`];

test.beforeAll(async () => {
  await withDatabase(async (db) => {
    for (const id of WRITERS) await db.query(`INSERT INTO "User" (id, email, handle) VALUES ($1, $2, $1)`, [id, `${id}@example.com`]);
    // Best order: (0 + 1) / (2 h + 2)^1.5 = 0.125 for the reader's thread, 0.089 for the author's
    // (3 h old); one upvote lifts the author's to 2 / 5^1.5 = 0.179, to the top.
    await db.query(
      `INSERT INTO "Comment" (id, "paperId", "userId", body, "createdAt") VALUES
         ($1, $3, $4, 'The benchmark covers 20 topics: which ones?', now() - interval '3 hours'),
         ($2, $3, $5, 'A younger remark about the figures.', now() - interval '2 hours')`,
      [AUTHOR_THREAD, READER_THREAD, PAPER_ID, WRITERS[0], WRITERS[1]],
    );
    await db.query(`UPDATE "Paper" SET "localComments" = "localComments" + 2 WHERE id = $1`, [PAPER_ID]);
    await db.query(
      `INSERT INTO "AuthorClaim" (id, "userId", "paperId", "authorName", evidence, status, "decidedAt")
       VALUES ($1, $2, $3, 'Zhaojun Sun', 'seeded by the e2e spec', 'APPROVED', now())`,
      [`e2e-claim-${RUN}`, WRITERS[0], PAPER_ID],
    );
  });
});

test.afterAll(async () => {
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "Comment" WHERE "paperId" = $1`, [PAPER_ID]);
    await db.query(`UPDATE "Paper" SET "localComments" = 0 WHERE id = $1`, [PAPER_ID]);
    await db.query(`DELETE FROM "User" WHERE id = ANY($1)`, [WRITERS]);
  });
});

const storedUpvotes = (commentId: string) =>
  withDatabase(
    async (db) => (await db.query<{ upvotes: number }>(`SELECT upvotes FROM "Comment" WHERE id = $1`, [commentId])).rows[0]!.upvotes,
  );

test("a reader upvotes a comment and, after a reload, its thread has moved up; the author's comment wears the badge", async ({
  page,
  baseURL,
}) => {
  await signInAs(page.context(), baseURL!, `comment-voter-${RUN}@example.com`);
  await page.goto(PAPER);
  const discussion = page.getByRole("region", { name: /Discussion/ });
  const threads = discussion.getByTestId("comment-thread");
  await expect(discussion.getByRole("navigation", { name: "Comment order" }).getByRole("link", { name: "Best" })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await expect(threads).toHaveCount(2);
  await expect(threads.nth(0)).toContainText("A younger remark about the figures.");
  await expect(threads.nth(1)).toContainText("The benchmark covers 20 topics");

  const authorComment = page.locator(`#comment-${AUTHOR_THREAD}`);
  await expect(authorComment.getByTestId("author-badge")).toHaveText("Author");
  await expect(page.locator(`#comment-${READER_THREAD}`).getByTestId("author-badge")).toHaveCount(0);

  const vote = authorComment.getByRole("button", { name: "0 upvotes, upvote" });
  await expect(vote).toHaveAttribute("aria-pressed", "false");
  await vote.click();
  const voted = authorComment.getByRole("button", { name: "1 upvote, remove your upvote" });
  await expect(voted).toHaveAttribute("aria-pressed", "true");
  // The button changes before the server action lands: reload only once the vote is stored.
  await expect.poll(() => storedUpvotes(AUTHOR_THREAD)).toBe(1);
  // Nothing moved under the pointer meanwhile.
  await expect(threads.nth(0)).toContainText("A younger remark about the figures.");
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await expect(threads.nth(0)).toContainText("The benchmark covers 20 topics");
  await expect(threads.nth(1)).toContainText("A younger remark about the figures.");
  await expect(authorComment.getByRole("button", { name: "1 upvote, remove your upvote" })).toHaveAttribute("aria-pressed", "true");

  // Newest first is still a link away, and works without script as any link does.
  await discussion.getByRole("link", { name: "Newest first" }).click();
  await expect(page).toHaveURL(/[?&]comments=newest/);
  await expect(threads.nth(0)).toContainText("A younger remark about the figures.");

  // Taking the vote back restores the order.
  await page.goto(PAPER);
  await authorComment.getByRole("button", { name: "1 upvote, remove your upvote" }).click();
  await expect(authorComment.getByRole("button", { name: "0 upvotes, upvote" })).toBeVisible();
  await expect.poll(() => storedUpvotes(AUTHOR_THREAD)).toBe(0);
  await page.reload();
  await expect(threads.nth(0)).toContainText("A younger remark about the figures.");
});

test("signed out, the counts and the badge show, with no vote buttons", async ({ page }) => {
  await page.goto(PAPER);
  const discussion = page.getByRole("region", { name: /Discussion/ });
  await expect(discussion.getByTestId("comment-thread")).toHaveCount(2);
  await expect(discussion.getByTestId("comment-upvote")).toHaveCount(0);
  await expect(page.locator(`#comment-${AUTHOR_THREAD}`).getByTestId("comment-upvotes")).toHaveText(/▲ 0\s*upvotes/);
  await expect(page.locator(`#comment-${AUTHOR_THREAD}`).getByTestId("author-badge")).toHaveText("Author");
});
