import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs, withDatabase } from "./session";

// For you learns from what a reader keeps (issue 23). The e2e data's days are in June 2026 and
// For you ranks the last week by the clock, so the test copies two recorded days, with their stored
// vectors, to today and yesterday, and removes them afterwards (the e2e workers run one at a time).
const ROBOTS = "robot|embodied"; // the saved papers' theme
const COPY_PREFIX = "2612.8";

test.beforeEach(async () => {
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "Paper" WHERE id LIKE $1`, [`${COPY_PREFIX}%`]);
    for (const [day, offset, from] of [
      ["2026-06-10", 0, 0],
      ["2025-10-06", 1, 100],
    ] as const) {
      await db.query(
        `WITH source AS (
           SELECT p.*, row_number() OVER (ORDER BY p.id) + $3::int AS n FROM "Paper" p WHERE p."feedDate" = $1::date AND p."hiddenAt" IS NULL
         ), copied AS (
           INSERT INTO "Paper" (id, title, abstract, authors, "publishedAt", "feedDate", source, "upstreamUpvotes", "organizationName", "createdAt", "updatedAt")
           SELECT $4 || lpad(n::text, 4, '0'), title, abstract, authors, "publishedAt", current_date - $2::int, source, "upstreamUpvotes", "organizationName", now(), now()
           FROM source RETURNING id
         )
         INSERT INTO "PaperVector" ("paperId", terms, packed, "corpusSize", "computedAt")
         SELECT $4 || lpad(s.n::text, 4, '0'), v.terms, v.packed, v."corpusSize", now()
         FROM source s JOIN "PaperVector" v ON v."paperId" = s.id`,
        [day, offset, from, COPY_PREFIX],
      );
    }
  });
});

test.afterEach(async () => {
  await withDatabase((db) => db.query(`DELETE FROM "Paper" WHERE id LIKE $1`, [`${COPY_PREFIX}%`]));
});

test("a reader saves three papers, For you changes to what they saved, says why, and learns from Less like this", async ({
  page,
  baseURL,
}) => {
  const email = `learner-${Date.now()}@example.com`;
  await signInAs(page.context(), baseURL!, email);
  await page.goto("/papers/for-you");
  await expect(page.getByTestId("for-you-mode")).toHaveAttribute("data-mode", "starter");
  await expect(page.getByTestId("for-you-mode")).toContainText("Save or upvote 3 more papers");
  const idsShown = () =>
    page.getByTestId("paper-card").evaluateAll((cards) => cards.slice(0, 10).map((card) => card.getAttribute("data-paper-id")));
  const starterTop = await idsShown();
  expect(starterTop).toHaveLength(10);

  const saved = await withDatabase(async (db) => {
    const { rows } = await db.query<{ id: string; title: string }>(
      `SELECT id, title FROM "Paper" WHERE (title || ' ' || abstract) ~* $1 AND "feedDate" = '2026-06-16' AND id NOT LIKE $2 ORDER BY id LIMIT 3`,
      [ROBOTS, `${COPY_PREFIX}%`],
    );
    return rows;
  });
  expect(saved).toHaveLength(3);
  const savedCount = () =>
    withDatabase(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "SavedPaper" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
        [email],
      );
      return rows[0]!.n;
    });
  for (const [index, paper] of saved.entries()) {
    await page.goto(`/papers/${paper.id}`);
    await page.getByTestId("save-button").first().click();
    await expect(page.getByTestId("save-button").first()).toHaveAttribute("aria-pressed", "true");
    // The button turns at once (optimistic); leaving the page before the action lands would drop it.
    await expect.poll(savedCount).toBe(index + 1);
  }

  await page.goto("/papers/for-you");
  await expect(page.getByTestId("for-you-mode")).toHaveAttribute("data-mode", "learned");
  await expect(page.getByTestId("for-you-mode")).toContainText("3 papers");
  const cards = page.getByTestId("paper-card");
  // A different ten: the starter's are the week's trending, these are ranked by the three papers.
  // (How well three saves rank is measured by npm run eval:recs and the integration tests.)
  expect(await idsShown()).not.toEqual(starterTop);

  // Each learned reason says what it rests on; a paper close to a saved one names it, and its Why
  // lists the closest saved papers and the terms that counted.
  const reasons = page.getByTestId("for-you-reason");
  await expect(reasons.first()).toContainText(/Similar to (a paper|\d+ papers) you saved or upvoted|Matches what you keep: \w/);
  const similar = reasons.filter({ hasText: /Similar to (a paper|\d+ papers) you saved or upvoted: “/ }).first();
  await similar.getByText("Why").click();
  const why = similar.getByTestId("for-you-why");
  await expect(why).toBeVisible();
  const savedTitles = new RegExp(saved.map((paper) => paper.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
  await expect(why.getByRole("link").first()).toHaveText(savedTitles);
  await expect(why).toContainText("Terms that counted most");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((violation) => violation.id)).toEqual([]);

  // Less like this: the card leaves at once, with an Undo, and stays gone.
  const firstId = await cards.first().getAttribute("data-paper-id");
  await reasons.first().getByTestId("less-like-this").click();
  await expect(page.locator(`[data-testid=paper-card][data-paper-id="${firstId}"]`)).toBeHidden();
  await expect(page.getByTestId("triage-toast")).toContainText("Less like");
  await expect
    .poll(() =>
      withDatabase(
        async (db) =>
          (
            await db.query(
              `SELECT count(*)::int AS n FROM "PaperHidden" h JOIN "User" u ON u.id = h."userId" WHERE u.email = $1 AND h."lessLikeThis"`,
              [email],
            )
          ).rows[0].n,
      ),
    )
    .toBe(1);
  await page.reload();
  await expect(page.getByTestId("for-you-mode")).toHaveAttribute("data-mode", "learned");
  await expect(page.locator(`[data-testid=paper-card][data-paper-id="${firstId}"]`)).toHaveCount(0);

  // /me says what was learned, and forgets it on request.
  await page.goto("/me#for-you");
  const learned = page.getByRole("region", { name: "What For you has learned" });
  for (const paper of saved) await expect(learned.getByTestId("learned-positives")).toContainText(paper.title);
  await expect(learned.getByTestId("learned-terms").getByRole("listitem").first()).toBeVisible();
  await learned.getByTestId("reset-learning").click();
  await expect(learned).toContainText("Forgotten.");
  await page.goto("/papers/for-you");
  await expect(page.getByTestId("for-you-mode")).toHaveAttribute("data-mode", "starter");
});
