import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelInputSchema } from "@/lib/channels/channel-input";
import { subscriptionInputSchema } from "@/lib/channels/subscription-input";
import { addChannel } from "@/server/channels/channels";
import { addSubscription, listSubscriptions } from "@/server/channels/subscriptions";
import { sendTestMessage } from "@/server/channels/test-message";
import { useTestDatabase } from "../support/test-db";

// The console's channel operations below the actions: subscriptions as the form gives them, and
// "Send test message" recording the service's answer on the channel.

const t = useTestDatabase();
const KEY = randomBytes(32).toString("base64");
let server: Server;
let base = "";
const bodies: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      bodies.push(raw);
      if (request.url?.startsWith("/gone")) response.writeHead(404).end("no_service");
      else response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const slack = async (name: string, path: string) =>
  (await addChannel(t.db, channelInputSchema.parse({ kind: "SLACK", name, webhookUrl: `${base}${path}` }), KEY)).channel;

const deps = {
  fetch,
  sleep: async () => undefined,
  now: () => new Date("2026-06-17T08:00:00Z"),
  key: KEY,
  siteUrl: "https://papers.example.org",
};

describe("subscriptions from the form", () => {
  it("reads categories with the feed's rules and refuses what would post too much or nothing", () => {
    const daily = subscriptionInputSchema.parse({
      what: "DAILY_TOP",
      topN: "5",
      hourUtc: "7",
      categories: "cs.LG, cs.CL cs.CL",
      code: "on",
    });
    expect(daily).toEqual({
      what: "DAILY_TOP",
      topN: 5,
      hourUtc: 7,
      filter: { include: ["cs.CL", "cs.LG"], exclude: [], hasCode: true, minUpvotes: 0 },
    });
    const issues = (input: Record<string, string>) =>
      subscriptionInputSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(issues({ what: "DAILY_TOP", topN: "0", hourUtc: "24" })).toEqual(["topN: must be at least 1", "hourUtc: must be 0 to 23"]);
    expect(issues({ what: "DAILY_TOP", topN: "5", hourUtc: "8", categories: "cs.XX" })?.[0]).toContain("'cs.XX' is not an arXiv category");
    expect(issues({ what: "NEW_PAPERS", topN: "5", topic: " " })).toEqual([
      "topic: Give a topic or categories: every new paper would be too many.",
    ]);
    expect(issues({ what: "GROUP_SESSIONS", group: "../admin" })?.[0]).toContain("must be a reading group's address");
    expect(issues({ what: "EVERYTHING" })?.[0]).toMatch(/^what: /);
  });

  it("stores them, starts new-paper posts from now, refuses an unknown group, and describes each", async () => {
    const channel = await slack("#subs", "/ok");
    const now = new Date("2026-06-20T10:30:00Z");
    await addSubscription(
      t.db,
      channel.id,
      subscriptionInputSchema.parse({ what: "DAILY_TOP", topN: "5", hourUtc: "7", categories: "cs.CL" }),
      now,
    );
    await addSubscription(t.db, channel.id, subscriptionInputSchema.parse({ what: "NEW_PAPERS", topN: "10", topic: "diffusion" }), now);
    await expect(
      addSubscription(t.db, channel.id, subscriptionInputSchema.parse({ what: "GROUP_SESSIONS", group: "no-such-group" }), now),
    ).rejects.toThrow("There is no reading group at /groups/no-such-group.");
    const stored = await t.db.channelSubscription.findFirstOrThrow({ where: { channelId: channel.id, kind: "NEW_PAPERS" } });
    expect(stored.postedThrough).toEqual(now);
    expect((await listSubscriptions(t.db, [channel.id])).get(channel.id)?.map((subscription) => subscription.description)).toEqual([
      "Top 5 papers of each day at 07:00 UTC, in cs.CL",
      "New papers on “diffusion”, hourly, up to 10 a post",
    ]);
  });
});

describe("Send test message", () => {
  it("posts once and clears the channel's last error when the service accepts it", async () => {
    const channel = await slack("#test", "/ok");
    await t.db.channel.update({ where: { id: channel.id }, data: { failures: 2, lastError: "500 earlier", lastErrorAt: new Date() } });
    const before = bodies.length;
    expect(await sendTestMessage(t.db, channel.id, deps)).toBe("Slack accepted the test message.");
    expect(bodies).toHaveLength(before + 1);
    expect(JSON.parse(bodies[before]!).text).toContain("Test message from Daily Papers");
    expect(await t.db.channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ failures: 0, lastError: null });
  });

  it("says what the service answered and records it when it refuses", async () => {
    const channel = await slack("#gone", "/gone/x");
    await expect(sendTestMessage(t.db, channel.id, deps)).rejects.toThrow(/^Slack refused the test message: .*404/);
    expect((await t.db.channel.findUniqueOrThrow({ where: { id: channel.id } })).lastError).toContain("404");
  });

  it("explains a key that cannot open the channel's secret", async () => {
    const channel = await slack("#rekeyed", "/ok");
    await expect(sendTestMessage(t.db, channel.id, { ...deps, key: randomBytes(32).toString("base64") })).rejects.toThrow(
      "was the key changed?",
    );
  });
});
