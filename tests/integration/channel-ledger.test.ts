import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { channelInputSchema } from "@/lib/channels/channel-input";
import type { ChannelPost } from "@/lib/channels/message";
import { addChannel } from "@/server/channels/channels";
import { deliverEdition, type EditionDependencies } from "@/server/channels/deliver-edition";
import { useTestDatabase } from "../support/test-db";

// The channel ledger against a real PostgreSQL and a local fake Discord: an edition goes out once
// with two runs at once, and a run killed mid-post is finished by the next one without repeats.

const t = useTestDatabase();
const KEY = randomBytes(32).toString("base64");
const NOW = new Date("2026-06-17T07:00:00Z");
const LEASE_MS = 5 * 60_000;
let servers: Server[] = [];

async function fakeDiscord(status = 200) {
  const received: { embeds: { title: string }[] }[] = [];
  const server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      if (status === 200) received.push(JSON.parse(raw) as { embeds: { title: string }[] });
      // Answer a little later, so concurrent runs overlap.
      setTimeout(() => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(status === 200 ? "{}" : '{"message": "Unknown Webhook", "code": 10015}');
      }, 30);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/1/token`, received };
}

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Channel" CASCADE`);
});

afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

const post = (count: number): ChannelPost => ({
  heading: "Top papers of 2026-06-16",
  url: "https://papers.example.org/papers/date/2026-06-16",
  papers: Array.from({ length: count }, (_, index) => ({
    id: `2606.${10000 + index}`,
    title: `Paper ${index + 1}`,
    url: `https://papers.example.org/papers/2606.${10000 + index}`,
    upvotes: 20 - index,
    organization: null,
  })),
});

async function discordChannel(webhookUrl: string) {
  const { channel } = await addChannel(t.db, channelInputSchema.parse({ kind: "DISCORD", name: "lab", webhookUrl }), KEY);
  return channel.id;
}

function deps(runId: string, now: Date, overrides: Partial<EditionDependencies> = {}): EditionDependencies {
  return { fetch, now: () => now, sleep: async () => undefined, runId, leaseMs: LEASE_MS, ...overrides };
}

const titlesOf = (received: { embeds: { title: string }[] }[]) => received.flatMap((message) => message.embeds.map((embed) => embed.title));

describe("the channel ledger", () => {
  it("sends an edition once when two runs start it together, and never again", async () => {
    const discord = await fakeDiscord();
    const channelId = await discordChannel(discord.url);
    const target = { kind: "DISCORD" as const, webhookUrl: discord.url };
    const outcomes = await Promise.all([
      deliverEdition(t.db, channelId, target, "daily-top:2026-06-16", post(10), deps("run-a", NOW)),
      deliverEdition(t.db, channelId, target, "daily-top:2026-06-16", post(10), deps("run-b", NOW)),
    ]);
    expect(outcomes.sort()).toEqual(["already-handled", "sent"]);
    expect(titlesOf(discord.received)).toHaveLength(10);
    expect(await deliverEdition(t.db, channelId, target, "daily-top:2026-06-16", post(10), deps("run-c", NOW))).toBe("already-handled");
    expect(await t.db.channelDelivery.findFirstOrThrow()).toMatchObject({ status: "SENT", sentParts: 1, attempts: 1 });
  });

  it("finishes a post a killed run left half sent, after the lease, from where it stopped", async () => {
    const discord = await fakeDiscord();
    const channelId = await discordChannel(discord.url);
    const target = { kind: "DISCORD" as const, webhookUrl: discord.url };
    // Twelve papers are two messages. The first run's process dies while sending the second.
    let requests = 0;
    const dying: typeof fetch = async (input, init) => {
      requests += 1;
      if (requests === 2) throw new Error("connection reset");
      return fetch(input, init);
    };
    await expect(
      deliverEdition(
        t.db,
        channelId,
        target,
        "daily-top:2026-06-16",
        post(12),
        deps("run-a", NOW, {
          fetch: dying,
          sleep: async () => {
            throw new Error("killed");
          },
        }),
      ),
    ).rejects.toThrow("killed");
    expect(await t.db.channelDelivery.findFirstOrThrow()).toMatchObject({ status: "SENDING", sentParts: 1 });

    // Within the lease another run leaves it alone; after it, it sends only the second message.
    expect(await deliverEdition(t.db, channelId, target, "daily-top:2026-06-16", post(12), deps("run-b", NOW))).toBe("already-handled");
    const later = new Date(NOW.getTime() + LEASE_MS + 1000);
    expect(await deliverEdition(t.db, channelId, target, "daily-top:2026-06-16", post(12), deps("run-b", later))).toBe("sent");
    expect(titlesOf(discord.received)).toEqual(Array.from({ length: 12 }, (_, index) => `${index + 1}. Paper ${index + 1}`));
    expect(discord.received.map((message) => message.embeds.length)).toEqual([10, 2]);
  });

  it("pauses a channel whose webhook answers 404 three times, and says why", async () => {
    const dead = await fakeDiscord(404);
    const channelId = await discordChannel(dead.url);
    const target = { kind: "DISCORD" as const, webhookUrl: dead.url };
    for (const day of ["2026-06-15", "2026-06-16"]) {
      expect(await deliverEdition(t.db, channelId, target, `daily-top:${day}`, post(3), deps("run", NOW))).toBe("retry");
    }
    expect((await t.db.channel.findUniqueOrThrow({ where: { id: channelId } })).pausedAt).toBeNull();
    await deliverEdition(t.db, channelId, target, "daily-top:2026-06-17", post(3), deps("run", NOW));
    const channel = await t.db.channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(channel.pausedAt).toEqual(NOW);
    expect(channel.failures).toBe(3);
    expect(channel.lastError).toMatch(/^HTTP 404: .*Unknown Webhook/);
  });
});
