import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs, withDatabase } from "./session";

// An operator adds a Slack channel on /admin and sends it a test message; a fake Slack on this
// machine takes the webhook's posts (an http://127.0.0.1 webhook is allowed for local services).

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
let slack: Server;
let slackUrl = "";
const posts: { path: string; body: { text: string; blocks: { type: string; text?: { text: string } }[] } }[] = [];

test.beforeAll(async () => {
  slack = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      // The dead webhook answers as Slack does for a removed one.
      if (request.url?.includes("/dead/")) {
        response.writeHead(404).end("no_service");
        return;
      }
      posts.push({ path: request.url ?? "", body: JSON.parse(raw) as (typeof posts)[number]["body"] });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, "127.0.0.1", resolve));
  slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T0/B0`;
});

test.afterAll(async () => {
  await new Promise((resolve) => slack.close(resolve));
  await withDatabase((db) => db.query(`DELETE FROM "Channel"`));
});

test("an operator adds a Slack channel and sends it a test message", async ({ page, baseURL }) => {
  await signInAs(page.context(), baseURL!, "operator@example.com");
  await page.goto("/admin#channels");
  const channels = page.getByRole("region", { name: "Channels" });
  await expect(channels).toContainText("No channels yet.");

  const form = channels.getByRole("form", { name: "Add a channel" });
  await form.getByLabel("Service").selectOption("SLACK");
  await form.getByLabel("Name").fill("#papers");
  // A bad URL is refused next to its field, and nothing is added.
  await form.getByLabel("Webhook URL").fill("ftp://hooks.example.org/x");
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form.getByText("must be an https:// address")).toBeVisible();

  await form.getByLabel("Webhook URL").fill(`${slackUrl}/secret-part`);
  await form.getByLabel("Papers a post").fill("5");
  await form.getByLabel("Categories (optional)").fill("cs.CL, cs.LG");
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form.getByRole("status")).toContainText("Added “#papers”");

  const channel = channels.getByTestId("channel").filter({ hasText: "#papers" });
  await expect(channel).toContainText("Slack · 127.0.0.1");
  // The secret is never shown again: only its last four characters.
  await expect(channel).not.toContainText("secret-part");
  await expect(channel).toContainText("…part");
  await expect(channel).toContainText("Top 5 papers of each day at 08:00 UTC, in cs.CL or cs.LG");
  await expect(channel.getByTestId("channel-state")).toHaveText("Active.");

  await channel.getByRole("button", { name: "Send test message" }).click();
  await expect(channel.getByRole("status")).toHaveText("Slack accepted the test message.");
  expect(posts).toHaveLength(1);
  expect(posts[0]!.path).toBe("/services/T0/B0/secret-part");
  expect(posts[0]!.body.blocks[0]!.text!.text).toBe("Test message from Daily Papers: “#papers” is connected");

  expect(
    (await new AxeBuilder({ page }).include("#channels").withTags(AXE_TAGS).analyze()).violations.map((violation) => violation.id),
  ).toEqual([]);
});

test("a dead webhook's test message says why, and the console shows the error", async ({ page, baseURL }) => {
  await signInAs(page.context(), baseURL!, "operator@example.com");
  await page.goto("/admin#channels");
  const channels = page.getByRole("region", { name: "Channels" });
  const form = channels.getByRole("form", { name: "Add a channel" });
  await form.getByLabel("Name").fill("#gone");
  await form.getByLabel("Webhook URL").fill(`${slackUrl}/dead/x`);
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form.getByRole("status")).toContainText("Added “#gone”");

  const channel = channels.getByTestId("channel").filter({ hasText: "#gone" });
  await channel.getByRole("button", { name: "Send test message" }).click();
  await expect(channel.getByRole("status")).toContainText("Slack refused the test message");
  await expect(channel.getByRole("status")).toContainText("404");
  await page.reload();
  const state = channels.getByTestId("channel").filter({ hasText: "#gone" }).getByTestId("channel-state");
  await expect(state).toContainText("404");

  // Three gone answers from scheduled posts pause it (tests/integration/channel-ledger.test.ts): the console says why.
  await withDatabase((db) => db.query(`UPDATE "Channel" SET "pausedAt" = now(), failures = 3 WHERE name = '#gone'`));
  await page.reload();
  await expect(state).toContainText("Broken, paused since");
  await expect(state).toContainText("after 3 failed deliveries. Last error: HTTP 404: no_service.");
  await channels.getByTestId("channel").filter({ hasText: "#gone" }).getByRole("button", { name: "Resume" }).click();
  // Resumed, it posts again; the last error stays in view until a delivery or a test message succeeds.
  await expect(state).toContainText("Posting, but the last attempt failed");
});
