import { expect, test } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { axeViolations } from "./axe";
import { signInAs, withDatabase } from "./session";

// Two papers of the 2026-06-16 fixtures no other spec comments on.
const OLDER = "2606.16519";
const NEWER = "2606.16838";
const stamp = Date.now();
const USER_ID = `e2e-discussions-${stamp}`;
const EMAIL = `talker-${stamp}@example.com`;
const HANDLE = `talker-${stamp % 1_000_000}`;
const REPORTER_ID = `e2e-reporter-${stamp}`;
const REPORTER_EMAIL = `reporter-${stamp}@example.com`;
const ids = { older: `e2e-older-${stamp}`, newer: `e2e-newer-${stamp}`, hidden: `e2e-hidden-${stamp}`, reported: `e2e-reported-${stamp}` };

test.beforeAll(async () => {
  await withDatabase(async (db) => {
    await db.query(`INSERT INTO "User" (id, email, handle) VALUES ($1, $2, $3)`, [USER_ID, EMAIL, HANDLE]);
    const comment = (id: string, paperId: string, body: string, minutesAgo: number, hidden = false) =>
      db.query(
        `INSERT INTO "Comment" (id, "paperId", "userId", body, "createdAt", "hiddenAt")
         VALUES ($1, $2, $3, $4, now() - make_interval(mins => $5), CASE WHEN $6 THEN now() END)`,
        [id, paperId, USER_ID, body, minutesAgo, hidden],
      );
    await comment(ids.older, OLDER, "An older thought on this paper", 3);
    await comment(ids.newer, NEWER, "Is the **ranking** ablation <b>fair</b>?", 2);
    // The newest comment is hidden: its paper is listed by the one before it.
    await comment(ids.hidden, OLDER, "Hidden spam", 1, true);
    await db.query(`UPDATE "Paper" SET "localComments" = "localComments" + 1 WHERE id IN ($1, $2)`, [OLDER, NEWER]);
    await db.query(
      `INSERT INTO "ModerationAction" (moderator, kind, target, reason, "reasonPrivate")
       VALUES ('operator@example.com', 'HIDE_COMMENT', $1, 'Spam, as reported by someone@example.com', false),
              ('operator@example.com', 'BAN_USER', $2, 'A private matter', true)`,
      [ids.hidden, EMAIL],
    );
  });
});

test.afterAll(async () => {
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "ModerationAction" WHERE target IN ($1, $2, $3)`, [ids.hidden, ids.reported, EMAIL]);
    await db.query(`DELETE FROM "Comment" WHERE "userId" = $1`, [USER_ID]);
    await db.query(
      `UPDATE "Paper" p SET "localComments" = (SELECT count(*) FROM "Comment" c WHERE c."paperId" = p.id AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL)
       WHERE p.id IN ($1, $2)`,
      [OLDER, NEWER],
    );
    await db.query(`DELETE FROM "User" WHERE id IN ($1, $2)`, [USER_ID, REPORTER_ID]);
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`/discussions lists papers by their latest live comment, works from the keyboard and passes axe (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/discussions");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Discussions");
    const threads = page.getByTestId("active-thread");
    await expect(threads.nth(0).getByRole("heading", { level: 2 })).toContainText("OneRank");
    await expect(threads.nth(1).getByRole("heading", { level: 2 })).toContainText("BadWorld");
    // The excerpt is the comment as text: no Markdown, no HTML rendered.
    await expect(threads.nth(0).getByTestId("latest-comment")).toHaveText("Is the **ranking** ablation <b>fair</b>?");
    await expect(threads.nth(1).getByTestId("latest-comment")).toHaveText("An older thought on this paper");
    await expect(threads.nth(0).getByRole("link", { name: HANDLE })).toHaveAttribute("href", `/users/${HANDLE}`);
    await expect(threads.nth(0).getByRole("link", { name: /comments? on OneRank/ })).toHaveAttribute("href", `/papers/${NEWER}#discussion`);
    await expect(page.getByText("Hidden spam")).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);

    await threads.nth(0).getByRole("heading", { level: 2 }).getByRole("link").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/papers/${NEWER.replace(".", "\\.")}$`));
  });
}

test("/discussions/feed.xml and feed.json hold the newest live comments, linked to each", async ({ request }) => {
  const rss = await request.get("/discussions/feed.xml");
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await rss.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const items = [new XMLParser().parse(xml).rss.channel.item].flat() as { link: string; description: string }[];
  expect(items[0]!.link).toMatch(new RegExp(`/papers/${NEWER.replace(".", "\\.")}#comment-${ids.newer}$`));
  expect(items[0]!.description).toBe("Is the **ranking** ablation <b>fair</b>?");
  expect(items.map((item) => item.link).join(" ")).not.toContain(ids.hidden);
  expect(xml).not.toContain(EMAIL);

  const json = await (await request.get("/discussions/feed.json")).json();
  expect(json.items[0].url).toBe(items[0]!.link);
});

test("/moderation shows what moderators did, never an address or a private reason, and passes axe", async ({ page, request }) => {
  await page.goto("/moderation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderation log");
  const entries = page.getByTestId("moderation-entry");
  await expect(entries.filter({ hasText: "hid comment" })).toContainText("Reason: Spam, as reported by [address]");
  await expect(entries.filter({ hasText: "hid comment" }).getByRole("link", { name: /BadWorld/ })).toHaveAttribute(
    "href",
    `/papers/${OLDER}#comment-${ids.hidden}`,
  );
  const ban = entries.filter({ hasText: "banned" });
  await expect(ban).toContainText("Reason: (private)");
  await expect(ban.getByRole("link", { name: HANDLE })).toHaveAttribute("href", `/users/${HANDLE}`);
  await expect(entries.first()).toContainText(/moderator-[0-9a-f]{6}|a former moderator/);
  expect(await axeViolations(page)).toEqual([]);

  // Neither the page nor its RSC payload carries an address or the private reason.
  for (const body of [await page.content(), await (await request.get("/moderation")).text()]) {
    expect(body).not.toContain("@example.com");
    expect(body).not.toContain("A private matter");
  }
});

test("the Discussed sort orders a day by comments, on the page and in the API", async ({ page, request }) => {
  const items = (await (await request.get("/api/daily_papers?date=2026-06-16&sort=discussed&limit=100")).json()) as {
    numComments: number;
    paper: { title: string };
  }[];
  const counts = items.map((item) => item.numComments);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(counts[0]).toBeGreaterThan(counts.at(-1)!);

  await page.goto("/papers/date/2026-06-16");
  await page.getByRole("navigation", { name: "Sort" }).getByRole("link", { name: "Discussed" }).click();
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-16\?sort=discussed$/);
  await expect(page.getByTestId("paper-title").first()).toHaveText(items[0]!.paper.title);
});

test("a moderator keeps a quick action's reason private, and the console shows who reported most", async ({ browser, baseURL }) => {
  await withDatabase(async (db) => {
    await db.query(`INSERT INTO "User" (id, email) VALUES ($1, $2)`, [REPORTER_ID, REPORTER_EMAIL]);
    await db.query(`INSERT INTO "Comment" (id, "paperId", "userId", body) VALUES ($1, $2, $3, 'Buy cheap pills')`, [
      ids.reported,
      NEWER,
      USER_ID,
    ]);
    await db.query(`UPDATE "Paper" SET "localComments" = "localComments" + 1 WHERE id = $1`, [NEWER]);
    await db.query(`INSERT INTO "Report" (id, "reporterId", "commentId", reason) VALUES ($1, $2, $3, 'Spam')`, [
      `e2e-report-${stamp}`,
      REPORTER_ID,
      ids.reported,
    ]);
  });
  const moderator = await browser.newContext();
  await signInAs(moderator, baseURL!, "operator@example.com");
  const console_ = await moderator.newPage();
  await console_.goto("/admin");
  await expect(console_.getByTestId("report-flood").getByRole("listitem").filter({ hasText: REPORTER_EMAIL })).toContainText("1 report");
  const report = console_.getByTestId("report").filter({ hasText: "Buy cheap pills" });
  await report.getByRole("checkbox", { name: "private reason for Hide comment" }).check();
  await report.getByRole("button", { name: "Hide comment" }).click();
  await expect(console_.getByRole("status").filter({ hasText: "Done: hid comment." })).toBeVisible();
  await expect(console_.getByTestId("moderation-log")).toContainText("Reported: Spam (private)");
  await moderator.close();

  const reader = await browser.newPage();
  await reader.goto("/moderation");
  const entry = reader.getByTestId("moderation-entry").filter({ has: reader.locator(`a[href$="#comment-${ids.reported}"]`) });
  await expect(entry).toContainText("hid comment");
  await expect(entry).toContainText("Reason: (private)");
  await expect(entry).not.toContainText("Spam");
  await reader.close();
});
