import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAs, withDatabase } from "./session";
import { toolingEnv } from "../../scripts/lib/tooling-env";
import { HF_FIXTURES } from "../support/fixtures";
import { startReplayServer, type ReplayServer } from "../support/replay-server";

// Hugging Face, replayed on the port the server under test syncs from (see playwright.config.ts):
// today's list holds three recorded papers under new ids, added to the feed today.
const today = new Date().toISOString().slice(0, 10);
const SYNCED = ["2611.90001", "2611.90002", "2611.90003"];
let hf: ReplayServer;
let titles: string[];

test.beforeAll(async () => {
  const recorded = JSON.parse(await readFile(`${HF_FIXTURES}/2026-06-16.json`, "utf8")) as {
    paper: { id: string; title: string; submittedOnDailyAt?: string };
  }[];
  const items = recorded.slice(0, SYNCED.length).map((item, index) => ({
    ...item,
    title: `Synced today: ${item.paper.title}`,
    paper: { ...item.paper, id: SYNCED[index]!, title: `Synced today: ${item.paper.title}`, submittedOnDailyAt: `${today}T00:00:00.000Z` },
  }));
  titles = items.map((item) => item.paper.title);
  hf = await startReplayServer(
    (url) =>
      // arXiv's category lookup fails at once (a 400 is not retried), so the shared database's papers keep theirs.
      url.pathname === "/arxiv/query"
        ? { status: 400, body: "arXiv is not replayed in the browser tests", headers: { "content-type": "text/plain" } }
        : {
            status: 200,
            body: url.searchParams.get("date") === today && url.searchParams.get("p") === "0" ? JSON.stringify(items) : "[]",
          },
    toolingEnv.E2E_HF_PORT,
  );
});

test.afterAll(async () => {
  await hf?.close();
  // Leave the shared database as the other specs expect it: no paper dated today.
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "Paper" WHERE id = ANY($1)`, [SYNCED]);
    await db.query(`DELETE FROM "SyncRun"`);
    await db.query(`DELETE FROM "SyncCursor"`);
    await db.query(`SELECT pg_notify('papers_changed', '')`);
  });
});

test("an operator syncs from the console and the new papers are on the front page", async ({ page, baseURL }) => {
  await signInAs(page.context(), baseURL!, "operator@example.com");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Operator console");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page).toHaveURL(/\/admin\?sync=done$/);
  await expect(page.getByRole("region", { name: "Sync" }).getByRole("status")).toHaveText("Sync finished.");
  const newestRun = page.getByTestId("sync-runs").locator("tbody tr").first();
  await expect(newestRun).toContainText("hf");
  await expect(newestRun).toContainText("succeeded");
  await expect(newestRun.locator("td").nth(4)).toHaveText("3");
  await expect(page.getByTestId("feed-age")).toContainText("today");
  await expect(page.getByTestId("papers-lacking-categories")).toContainText("papers lack categories");

  await page.goto("/");
  for (const title of titles) await expect(page.getByTestId("paper-title").filter({ hasText: title })).toBeVisible();
});

test("to anyone but an operator the console and its action do not exist", async ({ page, baseURL }) => {
  const runs = () =>
    withDatabase(async (db) => (await db.query<{ runs: number }>(`SELECT count(*)::int AS runs FROM "SyncRun"`)).rows[0]!.runs);
  const before = await runs();
  const anonymous = await page.goto("/admin");
  expect(anonymous?.status()).toBe(404);
  // The site's own 404 page, server-rendered, not an empty client-rendered shell.
  expect(await anonymous?.text()).not.toContain('id="__next_error__"');
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  expect((await page.request.post("/api/admin/sync", { headers: { origin: baseURL! } })).status()).toBe(404);

  await signInAs(page.context(), baseURL!, "reader-not-operator@example.com");
  expect((await page.goto("/admin"))?.status()).toBe(404);
  const action = await page.request.post("/api/admin/sync", { headers: { origin: baseURL! } });
  expect(action.status()).toBe(404);
  expect(await runs()).toBe(before);
});
