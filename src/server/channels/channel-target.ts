import "server-only";
import type { Channel } from "@/generated/prisma/client";
import { openSecret } from "@/server/channels/secret-box";
import type { ChannelTarget } from "@/server/channels/send";

/** Where a channel posts, its secrets opened with CHANNEL_SECRET_KEY (throws when they cannot be). */
export function channelTarget(channel: Channel, key: string): ChannelTarget {
  const secret = openSecret(channel.secret, key);
  switch (channel.kind) {
    case "SLACK":
    case "DISCORD":
      return { kind: channel.kind, webhookUrl: secret };
    case "WEBHOOK":
      return { kind: "WEBHOOK", webhookUrl: secret, signingKey: openSecret(channel.signingKey!, key) };
    case "MATRIX":
      return { kind: "MATRIX", homeserver: channel.homeserver!, roomId: channel.roomId!, accessToken: secret };
  }
}
