import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelInputSchema } from "@/lib/channels/channel-input";
import type { DiscordMessage } from "@/lib/channels/discord";
import { CHANNEL_LEASE_MS } from "@/server/channels/channel-run";
import { addChannel } from "@/server/channels/channels";
import { postDueChannelEditions } from "@/server/channels/post-due";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { payloadProblem } from "../support/chat-payloads";
import { HF_FIXTURES, PROJECT_DIR } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

// `npm run channels` killed with SIGKILL while Discord holds the answer to the post's second
// message: the next run after the lease sends the rest, and every message Discord answered was
// answered once.

const t = useTestDatabase();
const KEY = randomBytes(32).toString("base64");
let server: Server;
let webhookUrl = "";
/** Messages Discord accepted (answered 200), in order. */
const accepted: DiscordMessage[] = [];
let requests = 0;
let holdRequest: number | null = null;
const held: ServerResponse[] = [];
let onHeld: () => void = () => undefined;

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      requests += 1;
      const message = JSON.parse(raw) as DiscordMessage;
      if (payloadProblem(request.url!, message)) {
        response.writeHead(400).end(JSON.stringify({ message: "Invalid Form Body" }));
        return;
      }
      if (requests === holdRequest) {
        held.push(response);
        onHeld();
        return;
      }
      accepted.push(message);
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: String(requests) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/1/abc`;
}, 60_000);

afterAll(async () => {
  for (const response of held) response.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe("npm run channels, killed mid-post", () => {
  it("is finished by the next run after the lease, each accepted message once", { timeout: 90_000 }, async () => {
    const { channel } = await addChannel(t.db, channelInputSchema.parse({ kind: "DISCORD", name: "#papers", webhookUrl }), KEY);
    await t.db.channelSubscription.create({ data: { channelId: channel.id, topN: 25, hourUtc: 0 } });

    holdRequest = 2;
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/channels.ts"], {
      cwd: PROJECT_DIR,
      env: { ...process.env, DATABASE_URL: t.url, CHANNEL_SECRET_KEY: KEY, NEXTAUTH_URL: "https://papers.example.org" },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve) => (onHeld = resolve));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(accepted).toHaveLength(1);
    const interrupted = await t.db.channelDelivery.findFirstOrThrow({ where: { channelId: channel.id } });
    expect(interrupted).toMatchObject({ status: "SENDING", sentParts: 1 });

    holdRequest = null;
    const rerun = (at: Date) =>
      postDueChannelEditions(t.db, {
        fetch,
        sleep: async () => undefined,
        now: () => at,
        runId: "rerun",
        leaseMs: CHANNEL_LEASE_MS,
        siteUrl: "https://papers.example.org",
        key: KEY,
      });
    // Within the lease the dead run's claim still stands.
    expect(await rerun(new Date())).toMatchObject({ sent: 0 });
    expect(await rerun(new Date(Date.now() + CHANNEL_LEASE_MS + 60_000))).toMatchObject({ sent: 1 });

    const delivery = await t.db.channelDelivery.findFirstOrThrow({ where: { channelId: channel.id } });
    expect(delivery).toMatchObject({ status: "SENT", sentParts: accepted.length });
    expect(accepted.length).toBe(3);
    const titles = accepted.flatMap((message) => message.embeds.map((embed) => embed.title));
    expect(titles).toHaveLength(25);
    expect(new Set(titles).size).toBe(25);
    expect(titles.map((title) => Number(/^(\d+)\./.exec(title)?.[1]))).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
  });
});
