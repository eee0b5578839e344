import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { channelInputSchema } from "@/lib/channels/channel-input";
import { addChannel, listChannels } from "@/server/channels/channels";
import { openSecret } from "@/server/channels/secret-box";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const KEY = randomBytes(32).toString("base64");
const SLACK_URL = "https://hooks.slack.com/services/T0001/B0001/abcdefghijklmnopqrstWXYZ";

describe("channels", () => {
  it("store the secret sealed, list without it, and answer a webhook's signing key once", async () => {
    const slack = channelInputSchema.parse({ kind: "SLACK", name: "  #papers  ", webhookUrl: SLACK_URL });
    const { channel, signingKey } = await addChannel(t.db, slack, KEY);
    expect(signingKey).toBeNull();
    expect(channel).toMatchObject({ kind: "SLACK", name: "#papers", hint: "hooks.slack.com …WXYZ", failures: 0, pausedAt: null });
    const stored = await t.db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(stored.secret).not.toContain("hooks.slack.com");
    expect(openSecret(stored.secret, KEY)).toBe(SLACK_URL);

    const matrix = channelInputSchema.parse({
      kind: "MATRIX",
      name: "Lab room",
      homeserver: "https://matrix.example.org",
      roomId: "!abcDEF123:example.org",
      accessToken: "syt_abcdefghijklmnop_1234",
    });
    await addChannel(t.db, matrix, KEY);
    const webhook = await addChannel(
      t.db,
      channelInputSchema.parse({ kind: "WEBHOOK", name: "Teams", webhookUrl: "http://127.0.0.1:9/hook" }),
      KEY,
    );
    expect(webhook.signingKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sealedKey = (await t.db.channel.findUniqueOrThrow({ where: { id: webhook.channel.id } })).signingKey!;
    expect(openSecret(sealedKey, KEY)).toBe(webhook.signingKey);

    const listed = await listChannels(t.db);
    expect(listed.map((row) => row.name)).toEqual(["#papers", "Lab room", "Teams"]);
    const json = JSON.stringify(listed);
    expect(json).not.toContain(SLACK_URL);
    expect(json).not.toContain("syt_abcdefghijklmnop_1234");
    expect(json).not.toMatch(/secret|signingKey/);
  });

  it("refuse bad input with a message, and any channel without CHANNEL_SECRET_KEY", async () => {
    const problems = (input: unknown) => {
      const result = channelInputSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    };
    expect(problems({ kind: "SLACK", name: "x", webhookUrl: "http://hooks.slack.com/services/a/b/c" })).toEqual([
      "webhookUrl: must be an https:// address",
    ]);
    expect(problems({ kind: "SLACK", name: "", webhookUrl: SLACK_URL })).toEqual(["name: Give the channel a name."]);
    expect(problems({ kind: "MATRIX", name: "x", homeserver: "https://m.org", roomId: "#room:m.org", accessToken: "short" })).toEqual([
      "roomId: must be a room id like !abc123:matrix.org (not an alias like #room:server)",
      "accessToken: must be the bot's access token (10 to 500 characters, no spaces)",
    ]);
    expect(problems({ kind: "IRC", name: "x" })[0]).toMatch(/^kind: /);
    await expect(
      addChannel(
        t.db,
        channelInputSchema.parse({ kind: "DISCORD", name: "d", webhookUrl: "https://discord.com/api/webhooks/1/x" }),
        undefined,
      ),
    ).rejects.toThrow(/CHANNEL_SECRET_KEY/);
  });
});
