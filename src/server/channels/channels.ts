import "server-only";
import { randomBytes } from "node:crypto";
import type { ChannelKind } from "@/generated/prisma/client";
import { secretHint, type ChannelInput } from "@/lib/channels/channel-input";
import { AppError } from "@/lib/errors";
import { sealSecret } from "@/server/channels/secret-box";
import type { Db } from "@/server/db";

// Channels as stored: the secret sealed on the way in and never read back out here. Reading it
// for a delivery is the delivery's job (openSecret), so nothing that lists channels can leak one.

export interface ChannelSummary {
  id: string;
  kind: ChannelKind;
  name: string;
  hint: string;
  roomId: string | null;
  createdAt: Date;
  pausedAt: Date | null;
  failures: number;
  lastError: string | null;
  lastErrorAt: Date | null;
}

const summaryColumns = {
  id: true,
  kind: true,
  name: true,
  hint: true,
  roomId: true,
  createdAt: true,
  pausedAt: true,
  failures: true,
  lastError: true,
  lastErrorAt: true,
} as const;

/** At most this many channels an instance keeps: /admin lists them all. */
export const MAX_CHANNELS = 100;

/**
 * Adds a channel. For a generic webhook, answers the signing key once (the receiver needs it to
 * check X-Daily-Papers-Signature); it is stored sealed like the URL.
 */
export async function addChannel(
  db: Db,
  input: ChannelInput,
  key: string | undefined,
): Promise<{ channel: ChannelSummary; signingKey: string | null }> {
  if (!key) throw new AppError("CONFLICT", "Set CHANNEL_SECRET_KEY (32 bytes, base64: openssl rand -base64 32) before adding channels.");
  if ((await db.channel.count()) >= MAX_CHANNELS) throw new AppError("CONFLICT", `An instance keeps at most ${MAX_CHANNELS} channels.`);
  const secret = input.kind === "MATRIX" ? input.accessToken : input.webhookUrl;
  const address = input.kind === "MATRIX" ? input.homeserver : input.webhookUrl;
  const signingKey = input.kind === "WEBHOOK" ? randomBytes(32).toString("base64url") : null;
  const channel = await db.channel.create({
    data: {
      kind: input.kind,
      name: input.name,
      secret: sealSecret(secret, key),
      hint: secretHint(address, secret),
      homeserver: input.kind === "MATRIX" ? input.homeserver : null,
      roomId: input.kind === "MATRIX" ? input.roomId : null,
      signingKey: signingKey ? sealSecret(signingKey, key) : null,
    },
    select: summaryColumns,
  });
  return { channel, signingKey };
}

export async function listChannels(db: Db): Promise<ChannelSummary[]> {
  return db.channel.findMany({ orderBy: { createdAt: "asc" }, take: MAX_CHANNELS, select: summaryColumns });
}
