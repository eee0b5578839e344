import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs, withDatabase } from "./session";

// Triage at speed (issue 22): the list densities, cards that leave out what the page says, and
// the keyboard. A day of 35 papers.
const DAY = "/papers/date/2026-06-10";
const DENSITIES = ["full", "compact", "titles"] as const;
type Density = (typeof DENSITIES)[number];
const LABEL: Record<Density, string> = { full: "Full", compact: "Compact", titles: "Titles" };
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** As a returning reader: the density cookie the switch sets. */
async function useDensity(page: Page, baseURL: string, density: Density) {
  if (density === "full") await page.context().clearCookies({ name: "density" });
  else await page.context().addCookies([{ name: "density", value: density, url: baseURL }]);
}

/** Cards wholly on a screenful of the list: the first card scrolled to the top of the window. */
async function cardsInView(page: Page): Promise<number> {
  await page
    .getByTestId("paper-card")
    .first()
    .evaluate((card) => window.scrollTo(0, card.getBoundingClientRect().top + window.scrollY));
  return page.getByTestId("paper-card").evaluateAll(
    (cards) =>
      cards.filter((card) => {
        const box = card.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
      }).length,
  );
}

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
}

const current = (page: Page) => page.locator("[data-testid=paper-card][data-current]");

/** Opens a page and waits until the keyboard shortcuts listen (after hydration). */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("triage-announcer")).toHaveAttribute("data-ready", "");
}

test.describe("densities", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 667 },
  ]) {
    test(`cards fully in view per density at ${viewport.width}x${viewport.height}`, async ({ page, baseURL }, testInfo) => {
      await page.setViewportSize(viewport);
      const counts: Partial<Record<Density, number>> = {};
      for (const density of DENSITIES) {
        await useDensity(page, baseURL!, density);
        await page.goto(DAY);
        await expect(page.getByTestId("paper-card").first()).toBeVisible();
        counts[density] = await cardsInView(page);
        // Nothing spills sideways, whatever the density.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await testInfo.attach(`${density} at ${viewport.width} px`, { body: await page.screenshot(), contentType: "image/png" });
      }
      testInfo.annotations.push({ type: "cards in view", description: JSON.stringify(counts) });
      if (viewport.width === 1280) {
        expect(counts.compact).toBeGreaterThanOrEqual(8);
        expect(counts.titles).toBeGreaterThanOrEqual(20);
      } else {
        expect(counts.compact).toBeGreaterThan(counts.full!);
        expect(counts.titles).toBeGreaterThan(counts.compact!);
      }
    });
  }

  test("the switch is a labelled radio group, works by keyboard, and the choice holds across reloads from first paint", async ({
    page,
  }) => {
    await open(page, DAY);
    const group = page.getByRole("group", { name: "Density" });
    const radio = (density: Density) => group.getByRole("radio", { name: LABEL[density] });
    await expect(radio("full")).toBeChecked();
    await radio("full").focus();
    await page.keyboard.press("ArrowRight");
    await expect(radio("compact")).toBeChecked();
    await expect(page.locator("html")).toHaveAttribute("data-density", "compact");
    await group.getByText("Titles", { exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("data-density", "titles");
    await expect(page.getByTestId("paper-abstract").first()).toBeHidden();

    await page.reload();
    await expect(radio("titles")).toBeChecked();
    await expect(page.getByTestId("paper-abstract").first()).toBeHidden();

    // The head script applies it, not React: without the page's JavaScript files it still holds.
    await page.route(/\/_next\/static\/.*\.js$/, (route) => route.abort());
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-density", "titles");
    await expect(page.getByTestId("paper-abstract").first()).toBeHidden();
    await page.unroute(/\/_next\/static\/.*\.js$/);

    await open(page, DAY);
    await radio("full").focus();
    await page.keyboard.press("Space");
    await expect(page.locator("html")).not.toHaveAttribute("data-density", /./);
    await page.reload();
    await expect(radio("full")).toBeChecked();
    await expect(page.getByTestId("paper-abstract").first()).toBeVisible();
  });

  test("a signed-in reader's density is kept on the account and follows them to another browser", async ({ browser, baseURL }) => {
    const email = "density-traveller@example.com";
    const laptop = await browser.newContext();
    await signInAs(laptop, baseURL!, email);
    const page = await laptop.newPage();
    await open(page, DAY);
    await page.getByRole("group", { name: "Density" }).getByText("Titles", { exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("data-density", "titles");
    await expect
      .poll(() => withDatabase(async (db) => (await db.query(`SELECT density FROM "User" WHERE email = $1`, [email])).rows[0]?.density))
      .toBe("titles");

    // Another browser, signed in as the same reader, with no density cookie of its own: its first page is in Titles.
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 } });
    await signInAs(phone, baseURL!, email);
    const other = await phone.newPage();
    await other.goto(DAY);
    await expect(other.locator("html")).toHaveAttribute("data-density", "titles");
    await expect(other.getByTestId("paper-abstract").first()).toBeHidden();
    expect((await phone.cookies()).find((cookie) => cookie.name === "density")?.value).toBe("titles");

    // Back to Full there: the account follows, and the first browser opens in Full on its next page.
    await expect(other.getByTestId("triage-announcer")).toHaveAttribute("data-ready", "");
    await other.getByRole("group", { name: "Density" }).getByText("Full", { exact: true }).click();
    await expect
      .poll(() => withDatabase(async (db) => (await db.query(`SELECT density FROM "User" WHERE email = $1`, [email])).rows[0]?.density))
      .toBe("full");
    await page.reload();
    await expect(page.locator("html")).not.toHaveAttribute("data-density", /./);
    await Promise.all([laptop.close(), phone.close()]);
  });

  test("signed-out readers share one cached page whatever their density", async ({ playwright, baseURL }) => {
    const reader = async (cookie?: string) => playwright.request.newContext({ baseURL, extraHTTPHeaders: cookie ? { cookie } : {} });
    const [plain, compact, titles] = await Promise.all([reader(), reader("density=compact"), reader("density=titles; theme=dark")]);
    await plain.get(DAY);
    const first = await compact.get(DAY);
    const second = await titles.get(DAY);
    expect(second.headers()["x-cache"]).toBe("HIT");
    expect(second.headers()["etag"]).toBe(first.headers()["etag"]);
    // The one inline density script is the same text for everyone, so it has one hash in the policy.
    const html = await second.text();
    expect(html).toContain("dataset.density");
    expect(html).not.toMatch(/<html[^>]*data-density/);
    await Promise.all([plain.dispose(), compact.dispose(), titles.dispose()]);
  });

  test("axe finds nothing in any density, light and dark, on a desktop and a phone", async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const found: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 375, height: 667 },
      ]) {
        await page.setViewportSize(viewport);
        for (const density of DENSITIES) {
          await useDensity(page, baseURL!, density);
          await open(page, DAY);
          // With a card's More menu open and the keyboard's ring on a card.
          await page.keyboard.press("j");
          await page.getByTestId("paper-card").nth(1).getByTestId("card-more").click();
          found.push(...(await axeViolations(page)).map((line) => `${density}, ${colorScheme}, ${viewport.width} px: ${line}`));
        }
      }
    }
    expect(found, found.join("\n")).toEqual([]);
  });
});

test.describe("cards", () => {
  test("cards leave out what the page already says", async ({ page }) => {
    await page.goto(DAY);
    const cards = page.getByTestId("paper-card");
    await expect(cards.filter({ hasText: /Added Jun 10, 2026/ })).toHaveCount(0);
    await page.goto("/papers/week/2026-W24");
    await expect(cards.filter({ hasText: /Added Jun \d+, 2026/ }).first()).toBeVisible();

    await page.goto(DAY);
    const badge = page.getByTestId("org-badge").first();
    const organization = (await badge.getAttribute("href"))!;
    await page.goto(organization);
    await expect(cards.first()).toBeVisible();
    await expect(cards.getByTestId("org-badge")).toHaveCount(0);
  });

  test("“More like this” and “Why here?” are in the card's More menu, by keyboard too", async ({ page }) => {
    await open(page, DAY);
    const card = page.getByTestId("paper-card").first();
    const more = card.getByTestId("card-more");
    await expect(card.getByTestId("more-like-this")).toBeHidden();
    await more.focus();
    await page.keyboard.press("Enter");
    await expect(card.getByTestId("more-like-this")).toBeVisible();
    await expect(card.getByTestId("why-here")).toContainText("Why here?");
    await page.keyboard.press("Escape");
    await expect(card.getByTestId("more-like-this")).toBeHidden();
    await expect(more).toBeFocused();
    // Signed out, no Mark read or Hide.
    await expect(card.getByTestId("hide-button")).toHaveCount(0);
  });
});

test.describe("keyboard", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("j and k move between cards, ring the current one, keep it in view and announce it; o opens it", async ({ page }) => {
    await open(page, DAY);
    const cards = page.getByTestId("paper-card");
    const announcer = page.getByTestId("triage-announcer");
    const title = async (index: number) => (await cards.nth(index).getByTestId("paper-title").textContent())!.trim();
    await expect(current(page)).toHaveCount(0);
    const total = await cards.count();
    expect(total).toBeGreaterThan(30);

    await page.keyboard.press("j");
    await expect(cards.nth(0)).toHaveAttribute("data-current", "");
    await expect(announcer).toHaveText(`Paper 1 of ${total}: ${await title(0)}`);
    const ring = await cards.nth(0).evaluate((card) => getComputedStyle(card).boxShadow);
    expect(ring).not.toBe(await cards.nth(1).evaluate((card) => getComputedStyle(card).boxShadow));

    for (let step = 0; step < 6; step++) await page.keyboard.press("j");
    await expect(cards.nth(6)).toHaveAttribute("data-current", "");
    await expect(cards.nth(6)).toBeInViewport({ ratio: 1 });
    await expect(current(page)).toHaveCount(1);
    await page.keyboard.press("k");
    await expect(announcer).toHaveText(`Paper 6 of ${total}: ${await title(5)}`);

    // Enter on the page (not on a control) opens the current paper, as `o` does.
    const href = await cards.nth(5).getByTestId("paper-title").getAttribute("href");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${href!.replace(".", "\\.")}$`));
    await page.goBack();
    // Back on the list, the place is kept.
    await expect(cards.nth(5)).toHaveAttribute("data-current", "");
    await page.keyboard.press("j");
    await expect(announcer).toHaveText(`Paper 7 of ${total}: ${await title(6)}`);
    const next = await cards.nth(6).getByTestId("paper-title").getAttribute("href");
    await page.keyboard.press("o");
    await expect(page).toHaveURL(new RegExp(`${next!.replace(".", "\\.")}$`));
  });

  test("shortcuts wait while the reader types in a field or holds a modifier", async ({ page }) => {
    await open(page, DAY);
    const search = page.getByRole("searchbox", { name: "Search papers" });
    await search.click();
    await page.keyboard.type("jk?o");
    await expect(search).toHaveValue("jk?o");
    await expect(current(page)).toHaveCount(0);
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
    await search.evaluate((field) => (field as HTMLElement).blur());

    await page.keyboard.press("Alt+j");
    await page.keyboard.press("Control+k");
    await expect(current(page)).toHaveCount(0);
    await page.keyboard.press("j");
    await expect(current(page)).toHaveCount(1);
  });

  test("? shows the shortcuts in a modal dialog; Escape closes it and gives the focus back", async ({ page }) => {
    await open(page, DAY);
    const link = page.getByTestId("paper-card").nth(2).getByTestId("paper-title");
    await link.focus();
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help).toContainText("Next, previous paper");
    // Keys go to the dialog, not the list behind it.
    await page.keyboard.press("j");
    await expect(current(page)).toHaveCount(0);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
    await expect(link).toBeFocused();

    // The density switch's "?" button opens it too.
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await expect(help).toBeVisible();
    await help.getByRole("button", { name: "Close" }).click();
    await expect(help).toBeHidden();
  });

  test("the shortcuts can be switched off (WCAG 2.1.4), in the help and on /me, and stay off", async ({ page, baseURL }) => {
    await open(page, DAY);
    await page.keyboard.press("?");
    const toggle = page.getByRole("switch", { name: "Keyboard shortcuts" });
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await toggle.press("Space");
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await page.keyboard.press("Escape");
    await page.keyboard.press("j");
    await expect(current(page)).toHaveCount(0);
    expect(await page.context().cookies()).toContainEqual(expect.objectContaining({ name: "keyboard-shortcuts", value: "off" }));

    await page.reload();
    await expect(page.getByTestId("triage-announcer")).toHaveAttribute("data-ready", "");
    await page.keyboard.press("j");
    await page.keyboard.press("?");
    await expect(current(page)).toHaveCount(0);
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();

    await signInAs(page.context(), baseURL!, `shortcuts-${Date.now()}@example.com`);
    await open(page, "/me");
    const onMe = page.getByRole("switch", { name: "Keyboard shortcuts" });
    await expect(onMe).toHaveAttribute("aria-checked", "false");
    await onMe.click();
    await expect(onMe).toHaveAttribute("aria-checked", "true");
    await open(page, DAY);
    await page.keyboard.press("j");
    await expect(current(page)).toHaveCount(1);
  });

  test("signed out, the keys that need an account say so instead of failing silently", async ({ page }) => {
    await open(page, DAY);
    const total = await page.getByTestId("paper-card").count();
    const announcer = page.getByTestId("triage-announcer");
    await page.keyboard.press("x");
    await expect(announcer).toHaveText("Press j to choose a paper first.");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await expect(announcer).toHaveText("Sign in to hide papers.");
    await page.keyboard.press("m");
    await expect(announcer).toHaveText("Sign in to mark papers read.");
    await page.keyboard.press("s");
    await expect(announcer).toHaveText("Sign in to save papers to your library.");
    await expect(page.getByTestId("paper-card")).toHaveCount(total);
    await expect(page.locator("[data-testid=paper-card][hidden]")).toHaveCount(0);
  });

  test("a keyboard-only reader triages a day with j/k/s/m/x, and after a reload sees the read dimmed and the hidden gone", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const email = `triage-${Date.now()}@example.com`;
    await signInAs(page.context(), baseURL!, email);
    await open(page, DAY);
    const cards = page.getByTestId("paper-card");
    const idAt = async (index: number) => (await cards.nth(index).getAttribute("data-paper-id"))!;
    const card = (id: string) => page.locator(`[data-testid=paper-card][data-paper-id="${id}"]`);
    const announcer = page.getByTestId("triage-announcer");
    const [first, second, third, fourth] = [await idAt(0), await idAt(1), await idAt(2), await idAt(3)];
    const total = await cards.count();

    // Upvote (and take it back), save and mark read the first paper.
    await page.keyboard.press("j");
    const upvote = card(first).getByTestId("upvote-button");
    await page.keyboard.press("u");
    await expect(upvote).toHaveAttribute("aria-pressed", "true");
    await expect(announcer).toContainText("Upvoted");
    await page.keyboard.press("u");
    await expect(upvote).toHaveAttribute("aria-pressed", "false");
    await page.keyboard.press("s");
    await expect(card(first).getByTestId("save-button")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("m");
    await expect(card(first)).toHaveAttribute("data-seen", "");
    await expect(card(first).getByTestId("read-badge")).toBeVisible();
    await expect(announcer).toContainText("Marked read");

    // Hide the second: it goes at once, with an Undo, and the keyboard is on the next paper.
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await expect(card(second)).toBeHidden();
    const toast = page.getByTestId("triage-toast");
    await expect(toast).toContainText("Hidden:");
    await expect(toast.getByRole("button", { name: "Undo" })).toBeVisible();
    await expect(card(third)).toHaveAttribute("data-current", "");
    await expect(announcer).toHaveText(new RegExp(`^Paper 2 of ${total - 1}: `));

    // Hide the third, then undo it with z.
    await page.keyboard.press("x");
    await expect(card(third)).toBeHidden();
    await page.keyboard.press("z");
    await expect(card(third)).toBeVisible();

    // Mark the fourth (the keyboard moved on to it) read, then unread again.
    await expect(card(fourth)).toHaveAttribute("data-current", "");
    await page.keyboard.press("m");
    await expect(card(fourth)).toHaveAttribute("data-seen", "");
    await page.keyboard.press("m");
    await expect(card(fourth)).not.toHaveAttribute("data-seen", /.*/);

    const stored = () =>
      withDatabase(async (db) => {
        const hidden = await db.query<{ paperId: string }>(
          `SELECT h."paperId" FROM "PaperHidden" h JOIN "User" u ON u.id = h."userId" WHERE u.email = $1 ORDER BY 1`,
          [email],
        );
        return hidden.rows.map((row) => row.paperId);
      });
    await expect.poll(stored, { timeout: 15_000 }).toEqual([second]);

    await page.reload();
    await expect(card(first)).toHaveAttribute("data-seen", "");
    await expect(card(first).getByTestId("save-button")).toHaveAttribute("aria-pressed", "true");
    await expect(card(second)).toHaveCount(0);
    await expect(card(third)).toBeVisible();

    // A read card and the More menu with Mark unread and Hide meet WCAG AA too, light and dark.
    await card(first).getByTestId("card-more").click();
    await expect(card(first).getByTestId("mark-read-button")).toHaveText("Mark unread");
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
    await page.keyboard.press("Escape");

    // The More menu offers the same, by pointer.
    await card(third).getByTestId("card-more").click();
    await card(third).getByTestId("hide-button").click();
    await expect(card(third)).toBeHidden();
    await page.getByTestId("triage-toast").getByRole("button", { name: "Undo" }).click();
    await expect(card(third)).toBeVisible();
  });
});

test("“New since your last visit” marks exactly the papers imported after the previous visit, and /papers/new lists them", async ({
  page,
  baseURL,
}) => {
  const email = `visits-${Date.now()}@example.com`;
  await signInAs(page.context(), baseURL!, email);
  await page.goto(DAY); // the first visit: nothing is new yet
  await expect(page.getByTestId("new-since-marker")).toHaveCount(0);

  // Half an hour passes (the visit is moved back rather than waited for), then an import adds a paper to the day.
  const newId = `2606.9${String(Date.now()).slice(-4)}`;
  await withDatabase(async (db) => {
    await db.query(`UPDATE "User" SET "lastVisitAt" = now() - interval '31 minutes' WHERE email = $1`, [email]);
    await db.query(
      `INSERT INTO "Paper" (id, title, abstract, authors, "publishedAt", "feedDate", source, "upstreamUpvotes", "createdAt", "updatedAt")
       VALUES ($1, 'A paper imported between two visits', 'Its abstract.', ARRAY['Ada Lovelace'], now(), '2026-06-10', 'ARXIV', 0, now(), now())`,
      [newId],
    );
    await db.query(`SELECT pg_notify('papers_changed', '')`);
  });
  try {
    await page.goto(`${DAY}?sort=newest`);
    const marker = page.getByTestId("new-since-marker");
    await expect(marker).toHaveCount(1);
    // The marker stands before the new paper's card, and only that paper is new.
    const markedCard = page.locator("li", { has: marker }).getByTestId("paper-card");
    await expect(markedCard).toHaveAttribute("data-paper-id", newId);

    // Exactly the papers imported since the previous visit, oldest first: the new one, and any the
    // test data's own import added within that half hour.
    const expected = await withDatabase(async (db) => {
      const { rows } = await db.query<{ id: string }>(
        `SELECT p.id FROM "Paper" p, "User" u WHERE u.email = $1 AND p."createdAt" > u."previousVisitAt" AND p."hiddenAt" IS NULL
         ORDER BY p."createdAt", p.id`,
        [email],
      );
      return rows.map((row) => row.id);
    });
    expect(expected).toContain(newId);
    // The header's "New" (signed-in readers only) leads there.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New", exact: true }).click();
    await expect(page).toHaveURL(/\/papers\/new$/);
    await expect
      .poll(() => page.getByTestId("paper-card").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-paper-id"))))
      .toEqual(expected.slice(0, 50));
  } finally {
    await withDatabase((db) => db.query(`DELETE FROM "Paper" WHERE id = $1`, [newId]));
  }
});
