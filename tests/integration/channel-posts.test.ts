import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelInputSchema } from "@/lib/channels/channel-input";
import { parsePeriod } from "@/lib/periods";
import { runChannelPosts } from "@/server/channels/channel-run";
import { addChannel } from "@/server/channels/channels";
import { createCronChannelsHandler } from "@/server/channels/cron-channels-handler";
import { postDueChannelEditions, type ChannelRunDependencies } from "@/server/channels/post-due";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { getPeriodFeed } from "@/server/papers/feed";
import { payloadProblem } from "../support/chat-payloads";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

// The scheduled daily top post against the recorded days (newest 2026-06-16) and a local fake
// Slack: once its hour has come, once per day, whatever the number of runs.

const t = useTestDatabase();
const KEY = randomBytes(32).toString("base64");
const SITE = "https://papers.example.org";
let server: Server;
let slackUrl = "";
let homeserver = "";
const received: { blocks: { type: string; text?: { text: string } }[] }[] = [];
/** Events the fake Matrix homeserver took, with the event id it answered. */
const matrixEvents: { eventId: string; content: { body: string; "m.relates_to"?: { rel_type: string; event_id: string } } }[] = [];

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      const body = JSON.parse(raw) as (typeof received)[number];
      if (payloadProblem(request.url!, body)) {
        response.writeHead(400).end("invalid_blocks");
        return;
      }
      if (request.url!.includes("/_matrix/")) {
        const eventId = `$event${matrixEvents.length + 1}`;
        matrixEvents.push({ eventId, content: body as unknown as (typeof matrixEvents)[number]["content"] });
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ event_id: eventId }));
        return;
      }
      received.push(body);
      setTimeout(() => response.end("ok"), 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  slackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T/B/X`;
  homeserver = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    expect(await run("2026-06-17T15:00:00Z")).toMatchObject({ sent: 0, retry: 0 });
    expect(await run("2026-06-18T09:00:00Z")).toMatchObject({ sent: 0, retry: 0 });
    expect(received).toHaveLength(1);
    await t.db.channelSubscription.deleteMany({});
  });
});

const sectionsOf = (message: (typeof received)[number]) =>
  message.blocks.filter((block) => block.type === "section").map((block) => block.text!.text);

describe("new papers of a topic", () => {
  it("posts each hour's matching papers once, after the hour, from where the last run stopped", async () => {
    const matching = await t.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Paper" WHERE "searchVector" @@ websearch_to_tsquery('english', 'video') ORDER BY id LIMIT 3`;
    const other = await t.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Paper" WHERE NOT ("searchVector" @@ websearch_to_tsquery('english', 'video')) ORDER BY id LIMIT 1`;
    expect(matching).toHaveLength(3);
    const at = (iso: string, ids: string[]) => t.db.paper.updateMany({ where: { id: { in: ids } }, data: { createdAt: new Date(iso) } });
    await at("2026-06-20T10:15:00Z", [matching[0]!.id, matching[1]!.id, other[0]!.id]);
    await at("2026-06-20T11:30:00Z", [matching[2]!.id]);
    const { channel } = await addChannel(t.db, channelInputSchema.parse({ kind: "SLACK", name: "#video", webhookUrl: slackUrl }), KEY);
    const subscription = await t.db.channelSubscription.create({
      data: { channelId: channel.id, kind: "NEW_PAPERS", topic: "video", postedThrough: new Date("2026-06-20T10:00:00Z") },
    });
    const before = received.length;

    // The hour 10:00-11:00 is not due until a grace period after it ends.
    expect(await run("2026-06-20T11:05:00Z")).toMatchObject({ sent: 0 });
    const reports = await Promise.all([run("2026-06-20T11:12:00Z"), run("2026-06-20T11:12:00Z")]);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(1);
    expect(received).toHaveLength(before + 1);
    const first = sectionsOf(received[before]!);
    expect(first).toHaveLength(2);
    expect(first.join("\n")).not.toContain(other[0]!.id);
    expect(received[before]!.blocks[0]!.text!.text).toContain("2 new papers on “video”");

    // The next hour's paper goes in the next hour's post; an hour with nothing posts nothing.
    expect(await run("2026-06-20T13:30:00Z")).toMatchObject({ sent: 1, empty: 1 });
    expect(received).toHaveLength(before + 2);
    expect(sectionsOf(received[before + 1]!)[0]).toContain(`/papers/${matching[2]!.id}|`);
    const stored = await t.db.channelSubscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(stored.postedThrough?.toISOString()).toBe("2026-06-20T13:00:00.000Z");
    expect(await run("2026-06-20T13:40:00Z")).toMatchObject({ sent: 0 });
    await t.db.channelSubscription.deleteMany({});
  });
});

describe("a reading group's sessions", () => {
  it("announces a session once, within the day before it", async () => {
    const organizer = await t.db.user.create({ data: { email: "organizer@example.org" } });
    const papers = await t.db.paper.findMany({ orderBy: { id: "asc" }, take: 2, select: { id: true, title: true } });
    const group = await t.db.readingGroup.create({
      data: { slug: "nlp-club", name: "NLP <!channel> club", inviteToken: "t0ken", timeZone: "Europe/Berlin", createdById: organizer.id },
    });
    await t.db.groupSession.create({
      data: {
        groupId: group.id,
        startsAt: new Date("2026-06-22T16:00:00Z"),
        timeZone: "Europe/Berlin",
        presenter: "Ada",
        location: "Room 4",
        papers: { create: papers.map((paper, position) => ({ paperId: paper.id, position })) },
      },
    });
    const { channel } = await addChannel(t.db, channelInputSchema.parse({ kind: "SLACK", name: "#club", webhookUrl: slackUrl }), KEY);
    await t.db.channelSubscription.create({ data: { channelId: channel.id, kind: "GROUP_SESSIONS", groupId: group.id } });
    const before = received.length;

    expect(await run("2026-06-21T10:00:00Z")).toMatchObject({ sent: 0 });
    expect(await run("2026-06-21T17:00:00Z")).toMatchObject({ sent: 1 });
    expect(await run("2026-06-22T08:00:00Z")).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(before + 1);
    const [header, details, ...rest] = received[before]!.blocks;
    expect(header!.text!.text).toBe("Next session of NLP &lt;!channel&gt; club: Mon 22 Jun, 18:00 CEST (Europe/Berlin)");
    expect(details!.text!.text).toBe("Presented by Ada · Where: Room 4");
    expect(rest.filter((block) => block.type === "section").map((block) => block.text!.text)).toEqual([
      expect.stringContaining(`/papers/${papers[0]!.id}|`),
      expect.stringContaining(`/papers/${papers[1]!.id}|`),
    ]);
  });
});

describe("GET /api/cron/channels", () => {
  const handler = createCronChannelsHandler({
    cronSecret: "a-cron-secret-of-some-length",
    run: () => runChannelPosts(t.db, { siteUrl: SITE, key: KEY, now: () => new Date("2026-06-23T09:00:00Z") }),
  });
  const request = (authorization?: string) =>
    new Request("https://papers.example.org/api/cron/channels", { headers: authorization ? { authorization } : {} });

  it("refuses a request without the cron secret and answers the run's report with it", async () => {
    const refused = await handler(request("Bearer wrong"), undefined);
    expect(refused.status).toBe(401);
    const ran = await handler(request("Bearer a-cron-secret-of-some-length"), undefined);
    expect(ran.status).toBe(200);
    expect(await ran.json()).toMatchObject({ sent: 0, failed: 0, unreadable: 0 });
  });

  it("without CHANNEL_SECRET_KEY, says so once channels exist", async () => {
    await expect(runChannelPosts(t.db, { siteUrl: SITE, key: undefined })).rejects.toThrow("CHANNEL_SECRET_KEY is not set");
  });
});

describe("comments on posted papers", () => {
  it("follow a posted paper's live comments hourly, and no other paper's", async () => {
    const { channel } = await addChannel(t.db, channelInputSchema.parse({ kind: "SLACK", name: "#talk", webhookUrl: slackUrl }), KEY);
    const daily = await t.db.channelSubscription.create({ data: { channelId: channel.id, topN: 3, hourUtc: 7 } });
    expect(await run("2026-06-24T07:05:00Z")).toMatchObject({ sent: 1 });
    await t.db.channelSubscription.delete({ where: { id: daily.id } });
    const posted = await t.db.channelPostedPaper.findMany({ where: { channelId: channel.id }, select: { paperId: true } });
    expect(posted).toHaveLength(3);
    const postedId = posted[0]!.paperId;
    const other = await t.db.paper.findFirstOrThrow({ where: { id: { notIn: posted.map((row) => row.paperId) } } });
    await t.db.channelSubscription.create({
      data: { channelId: channel.id, kind: "COMMENTS", postedThrough: new Date("2026-06-24T08:00:00Z") },
    });
    const reader = await t.db.user.create({ data: { email: "talker@example.org", handle: "talker" } });
    const comment = (paperId: string, body: string, extra: { hiddenAt?: Date } = {}) =>
      t.db.comment.create({ data: { paperId, userId: reader.id, body, createdAt: new Date("2026-06-24T08:20:00Z"), ...extra } });
    await comment(postedId, "<!channel> Does the *ablation* hold? <@U1>");
    await comment(postedId, "hidden by a moderator", { hiddenAt: new Date() });
    await comment(other.id, "not a paper this channel posted");
    const before = received.length;

    expect(await run("2026-06-24T09:15:00Z")).toMatchObject({ sent: 1 });
    expect(await run("2026-06-24T09:20:00Z")).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(before + 1);
    const message = received[before]!;
    expect(message.blocks[0]!.text!.text).toBe("1 new comment on papers posted here");
    const [section] = sectionsOf(message);
    expect(section).toContain(`/papers/${postedId}#comment-`);
    expect(section).toContain("talker: &lt;!channel&gt; Does the *\u200bablation*\u200b hold? &lt;@U1&gt;");
    expect(JSON.stringify(message)).not.toContain("hidden by a moderator");
    expect(JSON.stringify(message)).not.toContain("not a paper this channel posted");
    await t.db.channelSubscription.deleteMany({});
  });

  it("on Matrix, go in the thread of the post that listed the paper", async () => {
    const matrix = channelInputSchema.parse({
      kind: "MATRIX",
      name: "lab room",
      homeserver,
      roomId: "!lab:example.org",
      accessToken: "syt_lab_token_1234",
    });
    const { channel } = await addChannel(t.db, matrix, KEY);
    const daily = await t.db.channelSubscription.create({ data: { channelId: channel.id, topN: 2, hourUtc: 7 } });
    expect(await run("2026-06-25T07:05:00Z")).toMatchObject({ sent: 1 });
    await t.db.channelSubscription.delete({ where: { id: daily.id } });
    const dailyPost = matrixEvents.at(-1)!;
    expect(dailyPost.content["m.relates_to"]).toBeUndefined();
    const posted = await t.db.channelPostedPaper.findMany({ where: { channelId: channel.id } });
    expect(posted.map((row) => row.threadRef)).toEqual([dailyPost.eventId, dailyPost.eventId]);

    await t.db.channelSubscription.create({
      data: { channelId: channel.id, kind: "COMMENTS", postedThrough: new Date("2026-06-25T08:00:00Z") },
    });
    const reader = await t.db.user.findFirstOrThrow({ where: { handle: "talker" } });
    await t.db.comment.create({
      data: { paperId: posted[1]!.paperId, userId: reader.id, body: "In the thread, please", createdAt: new Date("2026-06-25T08:30:00Z") },
    });
    expect(await run("2026-06-25T09:15:00Z")).toMatchObject({ sent: 1 });
    const reply = matrixEvents.at(-1)!;
    expect(reply.content["m.relates_to"]).toMatchObject({ rel_type: "m.thread", event_id: dailyPost.eventId });
    expect(reply.content.body).toContain("talker: In the thread, please");
  });
});
