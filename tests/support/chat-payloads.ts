import { z } from "zod";

// The request bodies the fake chat services accept, written from each service's documentation
// rather than from our formatters, so a formatter that drifts past a limit is refused the way the
// real service would refuse it (HTTP 400).
// - Slack, https://api.slack.com/reference/block-kit/blocks: at most 50 blocks; a header's
//   plain_text at most 150 characters, a section's text at most 3,000.
// - Discord, https://discord.com/developers/docs/resources/message#embed-object-embed-limits:
//   content at most 2,000; at most 10 embeds; title 256, description 4,096; 6,000 in all embeds.
// - Matrix, https://spec.matrix.org/latest/client-server-api/#size-limits: an event at most
//   65,536 bytes as JSON; m.room.message with msgtype and body, HTML in formatted_body.

const text = (max: number) => z.string().min(1).max(max);

const slackBlock = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("header"),
    text: z.object({ type: z.literal("plain_text"), text: text(150), emoji: z.boolean().optional() }),
  }),
  z.object({ type: z.literal("section"), text: z.object({ type: z.enum(["mrkdwn", "plain_text"]), text: text(3000) }) }),
  z.object({ type: z.literal("divider") }),
]);

export const slackPayload = z.object({ text: z.string().max(40_000), blocks: z.array(slackBlock).max(50) });

const discordEmbed = z.object({ title: text(256), url: z.url(), description: z.string().max(4096).optional() });

export const discordPayload = z
  .object({
    content: z.string().max(2000),
    embeds: z.array(discordEmbed).max(10),
    allowed_mentions: z.object({ parse: z.array(z.enum(["roles", "users", "everyone"])) }),
  })
  .refine((message) => message.embeds.reduce((sum, embed) => sum + embed.title.length + (embed.description?.length ?? 0), 0) <= 6000, {
    message: "embeds exceed 6,000 characters in all",
  });

export const matrixPayload = z
  .object({
    msgtype: z.enum(["m.notice", "m.text"]),
    body: z.string().min(1),
    format: z.literal("org.matrix.custom.html"),
    formatted_body: z.string(),
    // A thread reply: https://spec.matrix.org/latest/client-server-api/#threading
    "m.relates_to": z
      .object({
        rel_type: z.literal("m.thread"),
        event_id: z.string().startsWith("$"),
        is_falling_back: z.boolean(),
        "m.in_reply_to": z.object({ event_id: z.string().startsWith("$") }),
      })
      .optional(),
  })
  .refine((content) => Buffer.byteLength(JSON.stringify(content)) < 65_536, { message: "event over 65,536 bytes" });

/** Our generic webhook's documented body (docs/channels.md). */
export const webhookPayload = z.object({
  edition: z.string().min(1),
  heading: z.string(),
  url: z.url(),
  details: z.string().optional(),
  papers: z.array(z.object({ id: z.string(), title: z.string(), url: z.url(), upvotes: z.number(), organization: z.string().nullable() })),
});

/** Which service a fake is playing, from the request path as each service's URLs are shaped. */
export function payloadSchemaFor(path: string): z.ZodType {
  if (path.includes("/_matrix/client/")) return matrixPayload;
  if (path.includes("/api/webhooks/")) return discordPayload;
  if (path.includes("/services/")) return slackPayload;
  return webhookPayload;
}

/** What is wrong with a body sent to `path`, or null when the service would take it. */
export function payloadProblem(path: string, body: unknown): string | null {
  const result = payloadSchemaFor(path).safeParse(body);
  return result.success ? null : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
}
