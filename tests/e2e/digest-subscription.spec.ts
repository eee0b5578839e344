import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { toolingEnv } from "../../scripts/lib/tooling-env";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";

const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));
const ADDRESS = "digest.reader@example.com";

// The server under test sends its mail to this port (see playwright.config.ts).
let sink: TestSmtpServer;

test.beforeAll(async () => {
  sink = await startTestSmtpServer({ port: toolingEnv.E2E_SMTP_PORT });
});

test.afterAll(async () => {
  await sink?.close();
});

/** `npm run digest` against the same database and SMTP server, on the morning after the fixtures' last day. */
function runDigestCli(siteUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "scripts/digest.ts", "--cadence", "daily", "--now", "2026-06-17T07:00:00Z"],
      { cwd: PROJECT_DIR, env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${toolingEnv.E2E_SMTP_PORT}`, NEXTAUTH_URL: siteUrl } },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`digest exited with ${code}:\n${output}`))));
  });
}

function hrefOf(html: string, label: string): string {
  const match = new RegExp(`<a [^>]*href="([^"]+)"[^>]*>${label}</a>`).exec(html);
  if (!match) throw new Error(`No "${label}" link in the email`);
  return match[1]!.replaceAll("&#38;", "&");
}

test("subscribe from the banner, confirm from the email, unsubscribe from the digest's link", async ({ page, request, baseURL }) => {
  await page.goto("/papers/trending");
  await page.getByRole("complementary").getByRole("link", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/subscribe$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get trending papers in your email inbox");

  await page.getByLabel("Email address").fill(` ${ADDRESS.toUpperCase()} `);
  await page.getByRole("radio", { name: /Daily/ }).check();
  await page.getByRole("button", { name: "Subscribe", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(`We sent an email to ${ADDRESS}`);

  const confirmation = await sink.nextMessageTo(ADDRESS);
  expect(confirmation.subject).toBe("Confirm your Daily Papers subscription");
  const confirmUrl = new URL(hrefOf(String(confirmation.html), "Confirm subscription"));
  expect(confirmUrl.origin).toBe(baseURL);
  await page.goto(confirmUrl.toString());
  await expect(page.getByRole("heading", { name: "Confirm your subscription" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("status")).toHaveText(/You're subscribed!/);
  await expect(page.getByRole("radio", { name: /Daily/ })).toBeChecked();

  const report = JSON.parse(await runDigestCli(baseURL!)) as { reports: { sent: number }[] };
  expect(report.reports[0]!.sent).toBe(1);
  const digest = await sink.nextMessageTo(ADDRESS);
  expect(digest.subject).toBe("Trending papers · Wed, Jun 17, 2026");

  await page.goto(hrefOf(String(digest.html), "Unsubscribe"));
  await expect(page).toHaveURL(/\/unsubscribe\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("heading", { name: "Unsubscribe from trending papers?" })).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { name: "You're unsubscribed" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(`${ADDRESS} will not receive any more digests`);

  // Opening the link again (as a mail scanner would) changes nothing and still says so.
  await page.goto(hrefOf(String(digest.html), "Unsubscribe"));
  await expect(page.getByRole("heading", { name: "You're unsubscribed" })).toBeVisible();

  // Back on from the preferences page; then the mailbox provider's one-click POST (RFC 8058), which
  // carries no cookies and no Origin, unsubscribes again.
  await page.getByRole("link", { name: "email preferences" }).click();
  await page.getByRole("button", { name: /Resubscribe/ }).click();
  await expect(page.getByRole("status")).toHaveText(/Welcome back!/);
  const header = digest.headerLines.find((line) => line.key === "list-unsubscribe")!.line;
  const oneClickUrl = /<([^>]+)>/.exec(header)![1]!;
  const oneClick = await request.post(oneClickUrl, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  await page.goto(new URL(page.url()).pathname);
  await expect(page.getByText("You are unsubscribed and receive no digests.")).toBeVisible();
});
