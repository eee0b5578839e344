import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { ChannelPost } from "@/lib/channels/message";
import { sendPost, type SendDependencies } from "@/server/channels/send";
import { payloadProblem } from "../support/chat-payloads";

// sendPost against local fake services over real HTTP: each checks the body against the service's
// documented schema and limits (a 400 as the service would answer, and the problem recorded),
// answers from a script, and records what it was sent.

interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  raw: string;
}

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

let servers: Server[] = [];

async function fakeService(script: Answer[], fallback: Answer = { status: 200, body: {} }) {
  const received: Recorded[] = [];
  const problems: string[] = [];
  const server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      const body: unknown = raw ? JSON.parse(raw) : null;
      received.push({ method: request.method!, path: request.url!, headers: request.headers, body, raw });
      const problem = payloadProblem(request.url!, body);
      if (problem) {
        problems.push(problem);
        response.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: problem }));
        return;
      }
      const answer = script.shift() ?? fallback;
      response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      response.end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, problems };
}

afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

const NOW = new Date("2026-06-17T07:00:00Z");
function deps(): SendDependencies & { waits: number[] } {
  const waits: number[] = [];
  return { fetch, now: () => NOW, sleep: async (ms) => void waits.push(ms), waits };
}

const post = (count: number): ChannelPost => ({
  heading: "Top papers of 2026-06-16",
  url: "https://papers.example.org/papers/date/2026-06-16",
  papers: Array.from({ length: count }, (_, index) => ({
    id: `2606.${10000 + index}`,
    title: index === 0 ? "<!channel> @everyone" : `Paper ${index + 1}`,
    url: `https://papers.example.org/papers/2606.${10000 + index}`,
    upvotes: 10 - index,
    organization: null,
  })),
});

describe("sending a post", () => {
  it("to Slack: one Block Kit message for ten papers, after honouring a 429's Retry-After", async () => {
    const slack = await fakeService([{ status: 429, headers: { "retry-after": "3" }, body: "rate_limited" }]);
    const d = deps();
    expect(await sendPost({ kind: "SLACK", webhookUrl: `${slack.url}/services/T/B/X` }, post(10), "daily-2026-06-16", d)).toEqual({
      ok: true,
      messages: 1,
    });
    expect(d.waits).toEqual([3000]);
    expect(slack.received).toHaveLength(2);
    const message = slack.received[1]!.body as { blocks: { type: string }[]; text: string };
    expect(message.blocks.filter((block) => block.type === "section")).toHaveLength(10);
    expect(slack.received[1]!.raw).not.toContain("<!channel>");
  });

  it("to Discord: retry_after from the JSON body, wait=true, and nobody mentioned", async () => {
    const discord = await fakeService([{ status: 429, body: { retry_after: 0.5, global: false } }, { status: 502 }]);
    const d = deps();
    expect((await sendPost({ kind: "DISCORD", webhookUrl: `${discord.url}/api/webhooks/1/abc` }, post(12), "e1", d)).ok).toBe(true);
    expect(d.waits).toEqual([500, 2000]);
    const paths = discord.received.map((request) => request.path);
    expect(paths.every((path) => path === "/api/webhooks/1/abc?wait=true")).toBe(true);
    // Twelve papers: two messages of at most ten embeds, each sent once it was accepted.
    const accepted = discord.received.slice(2).map((request) => request.body as { embeds: unknown[]; allowed_mentions: unknown });
    expect(accepted.map((message) => message.embeds.length)).toEqual([10, 2]);
    expect(accepted.every((message) => JSON.stringify(message.allowed_mentions) === '{"parse":[]}')).toBe(true);
  });

  it("to Matrix: PUT with a transaction id per edition and part, the token as a bearer", async () => {
    const matrix = await fakeService([]);
    const target = { kind: "MATRIX" as const, homeserver: matrix.url, roomId: "!room:example.org", accessToken: "syt_token_123456" };
    expect((await sendPost(target, post(3), "daily-2026-06-16", deps())).ok).toBe(true);
    expect(matrix.received[0]).toMatchObject({
      method: "PUT",
      path: "/_matrix/client/v3/rooms/!room%3Aexample.org/send/m.room.message/dp-daily-2026-06-16-0",
    });
    expect(matrix.received[0]!.headers.authorization).toBe("Bearer syt_token_123456");
    expect(matrix.received[0]!.body).toMatchObject({ msgtype: "m.notice", format: "org.matrix.custom.html" });
  });

  it("to a generic webhook: signed with HMAC-SHA256 over the timestamp and body", async () => {
    const hook = await fakeService([]);
    expect((await sendPost({ kind: "WEBHOOK", webhookUrl: `${hook.url}/hook`, signingKey: "key-123" }, post(2), "e9", deps())).ok).toBe(
      true,
    );
    const [request] = hook.received;
    const timestamp = Math.floor(NOW.getTime() / 1000);
    const expected = createHmac("sha256", "key-123").update(`${timestamp}.${request!.raw}`).digest("hex");
    expect(request!.headers["x-daily-papers-signature"]).toBe(`t=${timestamp},v1=${expected}`);
    expect(request!.body).toMatchObject({ edition: "e9", heading: "Top papers of 2026-06-16" });
  });

  it("says a webhook is gone on 404 at once, gives up on a refused payload, and backs off on 5xx", async () => {
    const gone = await fakeService([{ status: 404, body: "no_service" }]);
    const d = deps();
    expect(await sendPost({ kind: "SLACK", webhookUrl: `${gone.url}/services/x` }, post(1), "e", d)).toMatchObject({
      ok: false,
      gone: true,
      status: 404,
      sentBefore: 0,
    });
    expect(gone.received).toHaveLength(1);
    expect(d.waits).toEqual([]);

    const refused = await fakeService([{ status: 400, body: "invalid_blocks" }]);
    expect(await sendPost({ kind: "SLACK", webhookUrl: `${refused.url}/services/x` }, post(1), "e", deps())).toMatchObject({
      ok: false,
      gone: false,
      status: 400,
    });

    const down = await fakeService([], { status: 503 });
    const backoff = deps();
    expect(await sendPost({ kind: "SLACK", webhookUrl: `${down.url}/services/x` }, post(1), "e", backoff)).toMatchObject({
      ok: false,
      gone: false,
      status: 503,
    });
    expect(backoff.waits).toEqual([1000, 2000, 4000]);
    expect(down.received).toHaveLength(4);
  });

  it("hostile titles reach every service inert and within its documented limits", async () => {
    const hostile: ChannelPost = {
      heading: "<!channel> @everyone **Top** <b>papers</b>",
      url: "https://papers.example.org/papers/date/2026-06-16",
      details: "@here <@U123> [click](https://evil.example) <script>alert(1)</script>",
      papers: Array.from({ length: 60 }, (_, index) => ({
        id: `2606.${20000 + index}`,
        title: `<!channel> @everyone <@&123> [x](https://evil.example) *bold* <img src=x onerror=alert(1)> ${"long ".repeat(2000)}`,
        url: `https://papers.example.org/papers/2606.${20000 + index}`,
        upvotes: index,
        organization: "<!here> @everyone",
      })),
    };
    const slack = await fakeService([]);
    const discord = await fakeService([]);
    const matrix = await fakeService([]);
    const hook = await fakeService([]);
    const targets = [
      { kind: "SLACK" as const, webhookUrl: `${slack.url}/services/T/B/X` },
      { kind: "DISCORD" as const, webhookUrl: `${discord.url}/api/webhooks/1/abc` },
      { kind: "MATRIX" as const, homeserver: matrix.url, roomId: "!room:example.org", accessToken: "syt_token_123456" },
      { kind: "WEBHOOK" as const, webhookUrl: `${hook.url}/hook`, signingKey: "key-123" },
    ];
    for (const target of targets) expect((await sendPost(target, hostile, "hostile", deps())).ok).toBe(true);
    for (const service of [slack, discord, matrix, hook]) expect(service.problems).toEqual([]);
    // Split into several messages where one would be over the limits.
    expect(slack.received.length).toBeGreaterThan(1);
    expect(discord.received.length).toBeGreaterThan(5);
    for (const request of slack.received) expect(request.raw).not.toMatch(/<!channel>|<!here>|<@U123>|<@&123>/);
    for (const request of discord.received) expect((request.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    for (const request of matrix.received) {
      const html = (request.body as { formatted_body: string }).formatted_body;
      expect(html).not.toMatch(/<script|<img|<b>|href="https:\/\/evil/);
    }
  });
});
