import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { env } from "@/env";
import { signInAs, withDatabase } from "./session";
import { startAppServer, type AppServer } from "../../scripts/lib/app-server";

// The production server (scripts/server.ts) answers signed-out readers from its page cache. These
// checks run against the suite's server and a second instance on the same database.

const PAPER = "2606.16449";
const NEW_PAPER = "2606.99001";
const NEW_DAY = "2026-06-21";

let second: AppServer;

test.beforeAll(async () => {
  second = await startAppServer();
});

test.afterAll(async () => {
  await second?.stop();
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "Paper" WHERE id = $1`, [NEW_PAPER]);
    await db.query(`DELETE FROM "Upvote" WHERE "paperId" = $1 AND "userId" IN (SELECT id FROM "User" WHERE email LIKE 'cache-voter-%')`, [
      PAPER,
    ]);
    await db.query(`UPDATE "Paper" SET "localUpvotes" = (SELECT count(*) FROM "Upvote" WHERE "paperId" = $1) WHERE id = $1`, [PAPER]);
  });
});

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

async function upvotesShown(request: APIRequestContext, url: string): Promise<number> {
  const html = await (await request.get(url)).text();
  const card = html.split('data-testid="paper-card"').find((chunk) => chunk.includes(`href="/papers/${PAPER}"`));
  expect(card, `${PAPER} is on ${url}`).toBeDefined();
  return Number(/data-testid="paper-upvotes"[^>]*>(\d+)</.exec(card!)![1]);
}

test("signed-out readers get the cached page with a hash-based CSP that covers every inline script", async ({ request }) => {
  await request.get("/papers/trending");
  const response = await request.get("/papers/trending");
  const headers = response.headers();
  expect(headers["x-cache"]).toMatch(/^(HIT|STALE)$/);
  expect(headers["cache-control"]).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=60");
  expect(headers["vary"]).toContain("Cookie");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  const csp = headers["content-security-policy"]!;
  expect(csp).not.toContain("nonce-");
  const scriptPolicy = csp.split("; ").find((directive) => directive.startsWith("script-src"))!;
  expect(scriptPolicy).not.toContain("'unsafe-inline'");
  const html = await response.text();
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    ([, attributes, body]) => !/src=/.test(attributes!) && body,
  );
  expect(inline.length).toBeGreaterThan(1);
  for (const [, , body] of inline) expect(scriptPolicy).toContain(sha256(body!));

  // An unchanged page answers 304 to a reader who has it.
  const again = await request.get("/papers/trending", { headers: { "if-none-match": headers["etag"]! } });
  expect(again.status()).toBe(304);
});

test("a repeated paper request gets 304 by its ETag or by its Last-Modified, If-None-Match deciding when both are sent", async ({
  request,
}) => {
  const url = "/papers/2606.09967";
  await request.get(url);
  const { etag, "last-modified": lastModified } = (await request.get(url)).headers();
  expect(new Date(lastModified!).getTime()).toBeLessThanOrEqual(Date.now());
  const statusWith = async (headers: Record<string, string>) => (await request.get(url, { headers })).status();

  expect(await statusWith({ "if-none-match": etag! })).toBe(304);
  expect(await statusWith({ "if-modified-since": lastModified! })).toBe(304);
  expect(await statusWith({ "if-modified-since": new Date(Date.parse(lastModified!) - 1000).toUTCString() })).toBe(200);
  expect(await statusWith({ "if-none-match": '"another"', "if-modified-since": lastModified! })).toBe(200);
  expect(await statusWith({ "if-modified-since": "not a date" })).toBe(200);
});

test("the cached page hydrates under its CSP, and signed-in readers get their own render with a nonce", async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/papers/date/2026-06-16");
  await page.reload();
  expect((await page.request.get("/papers/date/2026-06-16")).headers()["x-cache"]).toBeDefined();
  await expect(page.getByTestId("paper-card").first()).toBeVisible();
  // Client components work only if the scripts ran: the theme toggle switches the theme.
  const toggle = page.getByTestId("theme-toggle");
  await toggle.click(); // system -> light
  await toggle.click(); // light -> dark
  await expect(page.locator("html")).toHaveClass(/dark/);
  expect(violations).toEqual([]);

  await signInAs(page.context(), baseURL!, `cache-reader-${Date.now()}@example.com`);
  const signedIn = await page.request.get("/papers/date/2026-06-16");
  expect(signedIn.headers()["x-cache"]).toBeUndefined();
  expect(signedIn.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(signedIn.headers()["cache-control"]).toContain("no-store");
});

test("a vote shows at once to the voter and within seconds to signed-out readers on every instance", async ({ page, baseURL, request }) => {
  const dayUrl = `/papers/date/2026-06-16`;
  const before = await upvotesShown(request, dayUrl);
  expect(await upvotesShown(request, `${second.baseURL}${dayUrl}`)).toBe(before);

  await signInAs(page.context(), baseURL!, `cache-voter-${Date.now()}@example.com`);
  const vote = await page.request.post(`/api/papers/${PAPER}/upvote`, { headers: { origin: baseURL! } });
  expect(vote.status()).toBe(200);
  expect((await vote.json()).upvotes).toBe(before + 1);
  expect(await upvotesShown(page.request, dayUrl)).toBe(before + 1);

  await expect.poll(() => upvotesShown(request, dayUrl), { timeout: 5000 }).toBe(before + 1);
  await expect.poll(() => upvotesShown(request, `${second.baseURL}${dayUrl}`), { timeout: 5000 }).toBe(before + 1);
});

test("an import from the command line reaches the cached pages of every instance within seconds", async ({ request, baseURL }) => {
  const dayUrl = `/papers/date/${NEW_DAY}`;
  for (const base of [baseURL!, second.baseURL]) {
    expect(await (await request.get(`${base}${dayUrl}`)).text()).not.toContain("A paper imported while pages were cached");
  }
  const [template] = JSON.parse(readFileSync("tests/fixtures/hf-daily-papers/2026-06-16.json", "utf8")) as {
    paper: Record<string, unknown>;
  }[];
  const title = "A paper imported while pages were cached";
  const entry = {
    ...template,
    title,
    paper: { ...template!.paper, id: NEW_PAPER, title, submittedOnDailyAt: `${NEW_DAY}T08:00:00.000Z` },
  };
  const file = join(mkdtempSync(join(tmpdir(), "import-")), `${NEW_DAY}.json`);
  writeFileSync(file, JSON.stringify([entry]));
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/import.ts", file], {
      env: { ...process.env, DATABASE_URL: env.DATABASE_URL },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", resolve);
  });
  expect(exitCode).toBe(0);
  for (const base of [baseURL!, second.baseURL]) {
    await expect
      .poll(async () => (await request.get(`${base}${dayUrl}`)).text(), { timeout: 5000 })
      .toContain("A paper imported while pages were cached");
  }
});
