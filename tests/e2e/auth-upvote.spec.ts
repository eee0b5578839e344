import { expect, test } from "@playwright/test";
import { toolingEnv } from "../../scripts/lib/tooling-env";
import { linkFromMail } from "../support/auth-client";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";

// The server under test sends its mail to this port (see playwright.config.ts).
let sink: TestSmtpServer;

test.beforeAll(async () => {
  sink = await startTestSmtpServer({ port: toolingEnv.E2E_SMTP_PORT });
});

test.afterAll(async () => {
  await sink?.close();
});

test("sign in through the emailed link, upvote a paper, reload, unvote, sign out", async ({ page, baseURL }) => {
  await page.goto("/");
  // The last card: far from the smoke test's papers, and its rank may change when upvoted.
  const title = (await page.getByTestId("paper-card").last().getByTestId("paper-title").textContent())!;
  const card = page.getByTestId("paper-card").filter({ has: page.getByTestId("paper-title").getByText(title, { exact: true }) });
  const button = card.getByTestId("upvote-button");
  const count = card.getByTestId("paper-upvotes");
  const before = Number(await count.textContent());

  // Signed out, the button leads to sign-in and back to this page.
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await button.click();
  await expect(page).toHaveURL(/\/auth\/signin\?callbackUrl=%2F$/);
  await page.getByLabel("Email address").fill("  E2E.Reader@Example.com ");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByText("e2e.reader@example.com")).toBeVisible();

  const link = linkFromMail((await sink.nextMessageTo("e2e.reader@example.com")).text);
  expect(link.origin).toBe(baseURL);
  await page.goto(link.toString());
  await expect(page.getByRole("heading", { name: "Confirm sign-in" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByTestId("user-email")).toHaveText("e2e.reader@example.com");

  // The upvote pressed while signed out was carried through sign-in and counts now.
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(count).toHaveText(String(before + 1));
  // The count changes at once; wait until the server has recorded the vote before reloading.
  await expect(button).not.toHaveAttribute("aria-busy");
  await page.reload();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(count).toHaveText(String(before + 1));

  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(count).toHaveText(String(before));
  await expect(button).not.toHaveAttribute("aria-busy");
  await page.reload();
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(count).toHaveText(String(before));

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("user-menu")).toHaveCount(0);

  // The link worked once.
  await page.goto(link.toString());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});

test("a vote the server does not record is rolled back with a message", async ({ page }) => {
  await page.goto("/auth/signin");
  await page.getByLabel("Email address").fill("rollback@example.com");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.goto(linkFromMail((await sink.nextMessageTo("rollback@example.com")).text).toString());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("user-email")).toHaveText("rollback@example.com");

  const card = page.getByTestId("paper-card").last();
  const button = card.getByTestId("upvote-button");
  const before = await card.getByTestId("paper-upvotes").textContent();
  // Server actions are POSTs to the page carrying a Next-Action header; drop them on the floor.
  await page.route("**/*", (route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort() : route.fallback(),
  );
  await button.click();
  await expect(page.getByRole("status").filter({ hasText: "Your vote was not saved" })).toBeVisible();
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(card.getByTestId("paper-upvotes")).toHaveText(before!);
});

test("the dev mailbox does not exist in production builds", async ({ page }) => {
  const response = await page.goto("/dev/mailbox");
  expect(response?.status()).toBe(404);
});
