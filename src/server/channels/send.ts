import "server-only";
import { createHmac } from "node:crypto";
import { discordMessages } from "@/lib/channels/discord";
import { matrixMessages } from "@/lib/channels/matrix";
import type { ChannelPost } from "@/lib/channels/message";
import { slackMessages } from "@/lib/channels/slack";

// Posting one channel post to one service, each message retried on its own: a 429 waits what the
// service asks (Retry-After, or Discord's retry_after), a 5xx or a network failure backs off
// 1 s, 2 s, 4 s; 401, 403, 404 and 410 mean the webhook or token is gone (`gone`: the caller
// counts it towards pausing the channel), another 4xx that the payload was refused. Matrix
// messages carry a transaction id made from the edition, so a retry after a lost answer is not
// posted twice (the homeserver deduplicates it).

export type ChannelTarget =
  | { kind: "SLACK" | "DISCORD"; webhookUrl: string }
  | { kind: "WEBHOOK"; webhookUrl: string; signingKey: string }
  | { kind: "MATRIX"; homeserver: string; roomId: string; accessToken: string };

export interface SendDependencies {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  maxAttempts?: number;
}

export interface SendProgress {
  /** Messages already accepted by an earlier, interrupted run: sending starts after them. */
  fromPart?: number;
  /** Called once a message is accepted, before the next is sent (the ledger records it), with the service's JSON answer. */
  onSent?: (sentParts: number, answer: unknown) => Promise<void>;
}

export type SendOutcome =
  | { ok: true; messages: number }
  | {
      ok: false;
      /** 401, 403, 404 or 410: the webhook or token is gone; the caller pauses the channel after a few. */
      gone: boolean;
      status: number | null;
      message: string;
      /** Messages of the post delivered before the one that failed. */
      sentBefore: number;
    };

/** The longest wait a 429 may ask for before the attempt counts as failed. */
const MAX_RETRY_AFTER_MS = 60_000;
const GONE = new Set([401, 403, 404, 410]);

interface Request {
  url: string;
  method: "POST" | "PUT";
  headers: Record<string, string>;
  body: string;
}

function requestsFor(target: ChannelTarget, post: ChannelPost, editionKey: string, now: Date): Request[] {
  const json = { "content-type": "application/json" };
  switch (target.kind) {
    case "SLACK":
      return slackMessages(post).map((message) => ({
        url: target.webhookUrl,
        method: "POST",
        headers: json,
        body: JSON.stringify(message),
      }));
    case "DISCORD":
      return discordMessages(post).map((message) => ({
        url: `${target.webhookUrl}${target.webhookUrl.includes("?") ? "&" : "?"}wait=true`,
        method: "POST",
        headers: json,
        body: JSON.stringify(message),
      }));
    case "MATRIX":
      return matrixMessages(post).map((message, index) => ({
        url: `${target.homeserver.replace(/\/$/, "")}/_matrix/client/v3/rooms/${encodeURIComponent(target.roomId)}/send/m.room.message/${encodeURIComponent(`dp-${editionKey}-${index}`)}`,
        method: "PUT",
        headers: { ...json, authorization: `Bearer ${target.accessToken}` },
        body: JSON.stringify(message),
      }));
    case "WEBHOOK": {
      const body = JSON.stringify({ edition: editionKey, ...post });
      const timestamp = Math.floor(now.getTime() / 1000);
      const signature = createHmac("sha256", target.signingKey).update(`${timestamp}.${body}`).digest("hex");
      return [
        {
          url: target.webhookUrl,
          method: "POST",
          headers: { ...json, "x-daily-papers-signature": `t=${timestamp},v1=${signature}` },
          body,
        },
      ];
    }
  }
}

/** How long a 429 asks to wait: Retry-After in seconds (or a date), or Discord's JSON retry_after. */
async function retryAfterMs(response: Response, now: Date): Promise<number> {
  const header = response.headers.get("retry-after");
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now.getTime());
  }
  try {
    const body = (await response.clone().json()) as { retry_after?: unknown };
    if (typeof body.retry_after === "number") return Math.max(0, body.retry_after * 1000);
  } catch {
    // Not JSON: the default below.
  }
  return 1000;
}

async function describe(response: Response): Promise<string> {
  const text = (await response.text().catch(() => "")).replace(/\s+/g, " ").slice(0, 200);
  return `HTTP ${response.status}${text ? `: ${text}` : ""}`;
}

/** Sends the messages of the post in order, from `fromPart`; stops at the first that fails for good. */
export async function sendPost(
  target: ChannelTarget,
  post: ChannelPost,
  editionKey: string,
  deps: SendDependencies,
  { fromPart = 0, onSent }: SendProgress = {},
): Promise<SendOutcome> {
  const maxAttempts = deps.maxAttempts ?? 4;
  const requests = requestsFor(target, post, editionKey, deps.now());
  for (const [index, request] of requests.entries()) {
    if (index < fromPart) continue;
    let failure: Extract<SendOutcome, { ok: false }> | null = null;
    let answer: unknown = null;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let response: Response;
      try {
        response = await deps.fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        failure = {
          ok: false,
          gone: false,
          status: null,
          message: `Unreachable: ${error instanceof Error ? error.message : String(error)}`,
          sentBefore: index,
        };
        if (attempt < maxAttempts) await deps.sleep(1000 * 2 ** (attempt - 1));
        continue;
      }
      if (response.ok) {
        answer = await response.json().catch(() => null);
        failure = null;
        break;
      }
      if (response.status === 429) {
        const wait = await retryAfterMs(response, deps.now());
        failure = { ok: false, gone: false, status: 429, message: await describe(response), sentBefore: index };
        if (wait > MAX_RETRY_AFTER_MS) break;
        if (attempt < maxAttempts) await deps.sleep(wait);
        continue;
      }
      failure = {
        ok: false,
        gone: GONE.has(response.status),
        status: response.status,
        message: await describe(response),
        sentBefore: index,
      };
      // Another 4xx: the service refused this payload; retrying it would not help.
      if (response.status < 500) break;
      if (attempt < maxAttempts) await deps.sleep(1000 * 2 ** (attempt - 1));
    }
    if (failure) return failure;
    await onSent?.(index + 1, answer);
  }
  return { ok: true, messages: requests.length };
}
