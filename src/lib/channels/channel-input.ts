import { z } from "zod";

// What /admin's "Add a channel" form takes, by kind. Only operators (ADMIN_EMAILS) reach it, but
// a URL is still checked to be a web address the server may post to: https, or http to this
// machine (the local fake services the tests and a developer run).

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

const postUrl = z
  .url({ error: "must be a full URL, like https://hooks.slack.com/services/…" })
  .max(2000, "is too long")
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  }, "must be an https:// address");

const name = z.string().trim().min(1, "Give the channel a name.").max(80, "A name is at most 80 characters.");

export const channelInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("SLACK"), name, webhookUrl: postUrl }),
  z.object({ kind: z.literal("DISCORD"), name, webhookUrl: postUrl }),
  z.object({
    kind: z.literal("MATRIX"),
    name,
    homeserver: postUrl,
    roomId: z
      .string()
      .trim()
      .regex(
        /^![A-Za-z0-9._=\-/+]+:[A-Za-z0-9.-]+(:\d{1,5})?$/,
        "must be a room id like !abc123:matrix.org (not an alias like #room:server)",
      ),
    accessToken: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._~+/=-]{10,500}$/, "must be the bot's access token (10 to 500 characters, no spaces)"),
  }),
  z.object({ kind: z.literal("WEBHOOK"), name, webhookUrl: postUrl }),
]);

export type ChannelInput = z.infer<typeof channelInputSchema>;

/** How /admin names a channel's secret without showing it: the host and the last 4 characters. */
export function secretHint(address: string, secret: string): string {
  return `${new URL(address).host} …${secret.slice(-4)}`;
}
