import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelInputSchema } from "@/lib/channels/channel-input";
import { parsePeriod } from "@/lib/periods";
import { addChannel } from "@/server/channels/channels";
import { postDueChannelEditions, type ChannelRunDependencies } from "@/server/channels/post-due";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { getPeriodFeed } from "@/server/papers/feed";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

// The scheduled daily top post against the recorded days (newest 2026-06-16) and a local fake
// Slack: once its hour has come, once per day, whatever the number of runs.

const t = useTestDatabase();
const KEY = randomBytes(32).toString("base64");
const SITE = "https://papers.example.org";
let server: Server;
let slackUrl = "";
const received: { blocks: { type: string; text?: { text: string } }[] }[] = [];

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      received.push(JSON.parse(raw) as (typeof received)[number]);
      setTimeout(() => response.end("ok"), 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  slackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T/B/X`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const run = (at: string): ReturnType<typeof postDueChannelEditions> => {
  const deps: ChannelRunDependencies = {
    fetch,
    now: () => new Date(at),
    sleep: async () => undefined,
    runId: randomBytes(4).toString("hex"),
    leaseMs: 300_000,
    siteUrl: SITE,
    key: KEY,
  };
  return postDueChannelEditions(t.db, deps);
};

describe("the daily top post", () => {
  it("goes out once its hour has come, once a day even with runs at once, and not to a paused channel", async () => {
    const { channel } = await addChannel(t.db, channelInputSchema.parse({ kind: "SLACK", name: "#papers", webhookUrl: slackUrl }), KEY);
    await t.db.channelSubscription.create({ data: { channelId: channel.id, topN: 5, hourUtc: 7 } });
    const paused = await addChannel(t.db, channelInputSchema.parse({ kind: "SLACK", name: "#old", webhookUrl: slackUrl }), KEY);
    await t.db.channelSubscription.create({ data: { channelId: paused.channel.id, topN: 5, hourUtc: 0 } });
    await t.db.channel.update({ where: { id: paused.channel.id }, data: { pausedAt: new Date() } });

    expect(await run("2026-06-17T06:59:00Z")).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(0);

    const reports = await Promise.all([run("2026-06-17T07:05:00Z"), run("2026-06-17T07:05:00Z"), run("2026-06-17T07:05:00Z")]);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(1);
    expect(received).toHaveLength(1);
    const expected = (
      await getPeriodFeed(t.db, parsePeriod("date", "2026-06-16")!, "trending", new Date("2026-06-17T07:05:00Z"), { limit: 5 })
    ).papers;
    const sections = received[0]!.blocks.filter((block) => block.type === "section").map((block) => block.text!.text);
    expect(sections).toHaveLength(5);
    expected.forEach((paper, index) => expect(sections[index]).toContain(`${SITE}/papers/${paper.id}|`));

    // Later runs that day, and the next day while no new day has arrived, send nothing more.
    expect(await run("2026-06-17T15:00:00Z")).toMatchObject({ sent: 0, "already-handled": 1 });
    expect(await run("2026-06-18T09:00:00Z")).toMatchObject({ sent: 0, "already-handled": 1 });
    expect(received).toHaveLength(1);
  });
});
