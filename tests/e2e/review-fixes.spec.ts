import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs, withDatabase } from "./session";
import { toolingEnv } from "../../scripts/lib/tooling-env";
import { linkFromMail } from "../support/auth-client";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";

// The smaller findings of the browser review in issue 22: the phone header, the subscribe banner,
// period navigation that keeps the day, focus and announcements, the paper page's actions row,
// the words of counts, the trending explanation and 404 titles, and a signed-out upvote carried
// through sign-in in another tab.

// Papers of the e2e data used here, away from the ones other specs count votes or comments on.
const DISCUSSED = "2606.14777";
const PHONE = { width: 375, height: 667 };

// The server under test sends its mail to this port (see playwright.config.ts).
let sink: TestSmtpServer;
const subscriberEmails: string[] = [];
const commenterEmails: string[] = [];

test.beforeAll(async () => {
  sink = await startTestSmtpServer({ port: toolingEnv.E2E_SMTP_PORT });
});

test.afterAll(async () => {
  await sink?.close();
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "Subscriber" WHERE email = ANY($1)`, [subscriberEmails]);
    const { rowCount } = await db.query(
      `DELETE FROM "Comment" WHERE "paperId" = $1 AND "userId" IN (SELECT id FROM "User" WHERE email = ANY($2))`,
      [DISCUSSED, commenterEmails],
    );
    if (rowCount)
      await db.query(`UPDATE "Paper" SET "localComments" = greatest(0, "localComments" - $2) WHERE id = $1`, [DISCUSSED, rowCount]);
  });
});

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, "the element is laid out").not.toBeNull();
  return found!;
}

/** The vertical middle of an element, to tell whether two elements share a row. */
async function middle(locator: Locator): Promise<number> {
  const { y, height } = await box(locator);
  return y + height / 2;
}

const periodLength = (page: Page) => page.getByRole("navigation", { name: "Period length" });

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("signed in, the header is one row with “For you” and an account menu", async ({ page, baseURL }) => {
    await page.goto("/papers/date/2026-06-10");
    const mainNav = page.getByRole("navigation", { name: "Main" });
    // Signed out there is no room for it beside "Sign in".
    await expect(mainNav.getByRole("link", { name: "For you" })).toBeHidden();
    expect((await box(page.locator("body > header"))).height, "signed out, the header is one row").toBeLessThan(70);

    const email = `phone-header-${Date.now()}@example.com`;
    await signInAs(page.context(), baseURL!, email);
    await page.reload();
    const forYou = mainNav.getByRole("link", { name: "For you" });
    await expect(forYou).toBeVisible();
    const header = page.locator("body > header");
    expect((await box(header)).height, "signed in, the header is one row").toBeLessThan(70);
    const menu = page.getByTestId("account-menu");
    const account = menu.locator("summary");
    await expect(account).toHaveAccessibleName("Your account");
    const row = await middle(forYou);
    for (const item of [page.getByRole("link", { name: "Daily Papers" }), page.getByRole("button", { name: "Search papers" }), account]) {
      expect(Math.abs((await middle(item)) - row), "on the same row as “For you”").toBeLessThan(8);
    }

    // The account's links are in the menu; Escape closes it and gives the focus back.
    await expect(menu.getByRole("button", { name: "Sign out" })).toBeHidden();
    await account.click();
    await expect(menu).toContainText(email);
    await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Submit a paper" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu.getByRole("button", { name: "Sign out" })).toBeHidden();
    await expect(account).toBeFocused();
    // A link in it closes it too.
    await account.click();
    await menu.getByRole("link", { name: "Your account" }).click();
    await expect(page).toHaveURL(/\/me$/);
    await expect(menu.getByRole("link", { name: "Submit a paper" })).toBeHidden();

    await forYou.click();
    await expect(page).toHaveURL(/\/papers\/for-you$/);
    await expect(forYou).toHaveAttribute("aria-current", "page");
  });
});

test("the subscribe banner is not shown to a signed-in reader whose address gets the digest", async ({ page, baseURL }) => {
  const banner = page.getByRole("complementary", { name: "Email digest" });
  const email = `subscribed-reader-${Date.now()}@example.com`;
  subscriberEmails.push(email);
  await signInAs(page.context(), baseURL!, email);
  await page.goto("/papers/trending");
  await expect(banner, "not subscribed yet").toBeVisible();

  await withDatabase((db) =>
    db.query(`INSERT INTO "Subscriber" (id, email, status, "manageToken", "confirmedAt") VALUES ($1, $2, 'PENDING', $3, NULL)`, [
      `e2e-${randomBytes(8).toString("hex")}`,
      email,
      randomBytes(16).toString("hex"),
    ]),
  );
  await page.reload();
  await expect(banner, "a subscription waiting for its confirmation").toBeVisible();

  await withDatabase((db) => db.query(`UPDATE "Subscriber" SET status = 'CONFIRMED', "confirmedAt" = now() WHERE email = $1`, [email]));
  for (const path of ["/papers/trending", "/papers/date/2026-06-10", "/"]) {
    await page.goto(path);
    await expect(page.getByTestId("paper-card").first()).toBeVisible();
    await expect(banner, path).toHaveCount(0);
  }
});

test("Day → Month → Day and Day → Week → Day return to the same day, keeping the filter", async ({ page }) => {
  await page.goto("/papers/date/2026-06-16");
  await periodLength(page).getByRole("link", { name: "Monthly" }).click();
  await expect(page).toHaveURL(/\/papers\/month\/2026-06\?day=2026-06-16$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("June 2026");
  await expect(page.getByTestId("date-picker")).toHaveValue("2026-06-16");
  await periodLength(page).getByRole("link", { name: "Weekly" }).click();
  await expect(page).toHaveURL(/\/papers\/week\/2026-W25\?day=2026-06-16$/);
  await periodLength(page).getByRole("link", { name: "Daily" }).click();
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-16$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tuesday, June 16, 2026");

  // A sort chosen on the month keeps the day too.
  await periodLength(page).getByRole("link", { name: "Monthly" }).click();
  await expect(page).toHaveURL(/\/papers\/month\/2026-06\?day=2026-06-16$/);
  await page.getByRole("link", { name: "Most upvoted" }).click();
  await expect(page).toHaveURL(/\/papers\/month\/2026-06\?sort=upvotes&day=2026-06-16$/);
  await periodLength(page).getByRole("link", { name: "Daily" }).click();
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-16\?sort=upvotes$/);

  // A filtered list stays filtered on the way.
  await page.goto("/papers/date/2026-06-10?not=cs.CV");
  await periodLength(page).getByRole("link", { name: "Monthly" }).click();
  await expect(page).toHaveURL(/\/papers\/month\/2026-06\?day=2026-06-10&not=cs\.CV$/);
  await periodLength(page).getByRole("link", { name: "Daily" }).click();
  await expect(page).toHaveURL(/\/papers\/date\/2026-06-10\?not=cs\.CV$/);

  // A period's first day needs no `day`; a month without one goes to its first day, as before.
  await page.goto("/papers/date/2026-06-15");
  await expect(periodLength(page).getByRole("link", { name: "Weekly" })).toHaveAttribute("href", "/papers/week/2026-W25");
  await page.goto("/papers/month/2026-06");
  await expect(periodLength(page).getByRole("link", { name: "Daily" })).toHaveAttribute("href", "/papers/date/2026-06-01");
  // A day that is not in the month is ignored.
  await page.goto("/papers/month/2026-06?day=2026-07-04");
  await expect(periodLength(page).getByRole("link", { name: "Daily" })).toHaveAttribute("href", "/papers/date/2026-06-01");
});

test("the page cache keeps a month page per day it was reached from, and its links work without JavaScript", async ({
  request,
  browser,
}) => {
  const dailyHref = async (path: string) => {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    return /<nav aria-label="Period length"[^]*?<a[^>]*href="([^"]+)"[^>]*>Daily<\/a>/.exec(html)?.[1];
  };
  for (let round = 0; round < 2; round++) {
    expect(await dailyHref("/papers/month/2026-06?day=2026-06-10")).toBe("/papers/date/2026-06-10");
    expect(await dailyHref("/papers/month/2026-06?day=2026-06-16")).toBe("/papers/date/2026-06-16");
    expect(await dailyHref("/papers/month/2026-06")).toBe("/papers/date/2026-06-01");
  }
  const cached = await request.get("/papers/month/2026-06?day=2026-06-16");
  expect(cached.headers()["x-cache"]).toMatch(/HIT|STALE/);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/papers/date/2026-06-12");
  await periodLength(plain).getByRole("link", { name: "Monthly" }).click();
  await expect(plain).toHaveURL(/\/papers\/month\/2026-06\?day=2026-06-12$/);
  await periodLength(plain).getByRole("link", { name: "Daily" }).click();
  await expect(plain).toHaveURL(/\/papers\/date\/2026-06-12$/);
  await noScript.close();
});

test("“Show more” on a month says which page this is at the top, with a way back", async ({ page }) => {
  await page.goto("/papers/month/2026-06");
  await expect(page.getByTestId("list-page-note")).toHaveCount(0);
  await page.getByTestId("show-more").click();
  const note = page.getByTestId("list-page-note");
  await expect(note).toHaveText("Page 2 of 2 · Back to the top");
  expect((await box(note)).y, "above the first card").toBeLessThan((await box(page.getByTestId("paper-card").first())).y);
  await note.getByRole("link", { name: "Back to the top" }).click();
  await expect(page).toHaveURL(/\/papers\/month\/2026-06$/);
});

test("a search from the header moves the focus to the results heading", async ({ page }) => {
  await page.goto("/papers/date/2026-06-10");
  const search = page.getByRole("searchbox", { name: "Search papers" });
  await search.fill("multimodal stories");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/papers\?q=multimodal\+stories$/);
  const heading = page.getByRole("heading", { level: 1, name: "Search results" });
  await expect(heading).toBeFocused();
  await expect(page.getByTestId("search-summary")).toContainText("multimodal stories");

  // Again from the results page itself.
  await search.fill("journalist");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/papers\?q=journalist$/);
  await expect(page.getByTestId("search-summary")).toContainText("journalist");
  await expect(heading).toBeFocused();
});

test("a posted comment or reply takes the focus and is announced; the reply form closes", async ({ page, baseURL }) => {
  const email = `focus-commenter-${Date.now()}@example.com`;
  commenterEmails.push(email);
  await signInAs(page.context(), baseURL!, email);
  await page.goto(`/papers/${DISCUSSED}`);
  const discussion = page.getByRole("region", { name: /Discussion/ });

  await discussion.getByLabel("Add a comment").fill("Where is the ablation?");
  await discussion.getByRole("button", { name: "Comment", exact: true }).click();
  const comment = discussion.getByTestId("comment").filter({ hasText: "Where is the ablation?" });
  await expect(comment).toBeFocused();
  await expect(discussion.getByTestId("comment-status")).toHaveText("Your comment is posted.");
  await expect(discussion.getByTestId("comment-status")).toHaveAttribute("role", "status");

  const thread = discussion.getByTestId("comment-thread").filter({ hasText: "Where is the ablation?" });
  await thread.locator("summary", { hasText: "Reply" }).click();
  await thread.getByLabel("Your reply").fill("In the appendix, table 7.");
  await thread.getByRole("button", { name: "Reply", exact: true }).click();
  const reply = thread.getByTestId("comment").filter({ hasText: "In the appendix, table 7." });
  await expect(reply).toBeFocused();
  await expect(thread.getByTestId("reply-status")).toHaveText("Your reply is posted.");
  await expect(thread.getByTestId("reply-status")).toHaveAttribute("role", "status");
  await expect(thread.getByLabel("Your reply")).toBeHidden();
  // Opened again, it is empty for the next reply.
  await thread.locator("summary", { hasText: "Reply" }).click();
  await expect(thread.getByLabel("Your reply")).toHaveValue("");
});

test("the paper page puts Save and Cite in the upvote / arXiv / PDF row; Copy is announced; keyword chips are links", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // The clipboard, as the page sees it: what was written, whatever the browser's permissions.
  await page.addInitScript(() => {
    const written: string[] = [];
    Object.defineProperty(window, "copied", { value: written });
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (text: string) => void written.push(text) } });
  });
  await page.goto(`/papers/${DISCUSSED}`);
  const actions = page.getByTestId("paper-actions");
  const upvote = actions.getByTestId("upvote-button");
  const upvoteBox = await box(upvote);
  const row = upvoteBox.y + upvoteBox.height / 2;
  for (const item of [
    actions.getByRole("link", { name: "arXiv abstract" }),
    actions.getByRole("link", { name: "PDF" }),
    actions.getByRole("link", { name: "Save" }),
    actions.locator("summary", { hasText: "Cite" }),
  ]) {
    expect(Math.abs((await middle(item)) - row), `${await item.textContent()} is in the upvote's row`).toBeLessThan(upvoteBox.height / 2);
  }

  await actions.locator("summary", { hasText: "Cite" }).click();
  const cite = page.getByTestId("cite-box");
  await expect(cite.getByTestId("bibtex")).toContainText("@misc{");
  await expect(cite.getByRole("status")).toHaveText("");
  await cite.getByRole("button", { name: "Copy BibTeX" }).click();
  await expect(cite.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied.join(""))).toContain("@misc{");
  await page.keyboard.press("Escape");
  await expect(cite.getByTestId("bibtex")).toBeHidden();

  const chips = page.getByTestId("paper-topics").getByTestId("keyword-chip");
  expect(await chips.count()).toBeGreaterThan(0);
  for (const chip of await chips.all()) {
    await expect(chip).toHaveAttribute("href", /^\/papers\/keyword\/[^/]+$/);
    expect(await chip.evaluate((element) => element.tagName)).toBe("A");
  }
});

test("counts read as words, trending explains its order, and 404 pages say what is missing in their title", async ({ page }) => {
  await page.goto("/papers/2606.11176");
  await expect(page.getByTestId("upvote-breakdown")).toHaveText(
    /^82 upvotes \(82 on Hugging Face\) · \d+ comments?( \(\d+ on Hugging Face(, \d+ here)?\))?$/,
  );

  await page.goto("/papers/trending");
  const explanation = page.getByRole("main").locator("header p").first();
  await expect(explanation).toContainText("ranked by their upvotes divided by their age in hours");
  await expect(explanation.getByRole("link", { name: "More on the ranking" })).toHaveAttribute("href", "/about/ranking");

  for (const [path, title] of [
    ["/papers/9999.99999", "Paper not found"],
    ["/papers/not-a-paper", "Paper not found"],
    ["/orgs/no-such-lab", "Organization not found"],
    ["/authors/Nobody%20Here", "Author not found"],
    ["/users/nobody-has-this-handle", "Reader not found"],
    ["/papers/date/2026-13-45", "Day not found"],
    ["/papers/week/2026-W60", "Week not found"],
    ["/papers/month/abc", "Month not found"],
    ["/papers/category/xx.YY", "arXiv category not found"],
    ["/papers/category/cs.CL/date/2026-13-45", "Day not found"],
    ["/papers/keyword/no%20paper%20has%20this", "Keyword not found"],
    ["/no/such/page", "Page not found"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page, path).toHaveTitle(`${title} · Daily Papers`);
  }
});

test("a signed-out upvote survives the sign-in link opened in another tab", async ({ context, baseURL }) => {
  const first = await context.newPage();
  await first.goto("/papers/date/2026-06-10");
  const cardIn = (page: Page, href: string) =>
    page.getByTestId("paper-card").filter({ has: page.locator(`a[data-testid="paper-title"][href="${href}"]`) });
  const href = (await first.getByTestId("paper-card").nth(1).getByTestId("paper-title").getAttribute("href"))!;
  const before = Number(await cardIn(first, href).getByTestId("paper-upvotes").textContent());

  await cardIn(first, href).getByTestId("upvote-button").click();
  await expect(first).toHaveURL(/\/auth\/signin\?callbackUrl=%2Fpapers%2Fdate%2F2026-06-10$/);
  const email = `two-tabs-${Date.now()}@example.com`;
  await first.getByLabel("Email address").fill(email);
  await first.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(first.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  // The mail app opens the link in a new tab of the same browser.
  const second = await context.newPage();
  await second.goto(linkFromMail((await sink.nextMessageTo(email)).text).toString());
  await second.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(second).toHaveURL(`${baseURL}/papers/date/2026-06-10`);
  const card = cardIn(second, href);
  const button = card.getByTestId("upvote-button");
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByTestId("paper-upvotes")).toHaveText(String(before + 1));
  await expect(button).not.toHaveAttribute("aria-busy");

  // Counted once: the first tab, now signed in too, shows it and does not vote again.
  await first.goto("/papers/date/2026-06-10");
  await expect(cardIn(first, href).getByTestId("upvote-button")).toHaveAttribute("aria-pressed", "true");
  await expect(cardIn(first, href).getByTestId("paper-upvotes")).toHaveText(String(before + 1));
  await second.reload();
  await expect(card.getByTestId("paper-upvotes")).toHaveText(String(before + 1));

  // Leave the count as the other specs expect it.
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(button).not.toHaveAttribute("aria-busy");
  await expect(card.getByTestId("paper-upvotes")).toHaveText(String(before));
});
