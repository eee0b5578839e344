import { createHmac } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createEmailEventsHandler } from "@/server/subscriptions/email-events-handler";
import { createConfirmedSubscriber } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const SECRET = "a-webhook-secret-of-some-length";
const NOW = new Date("2026-06-17T07:00:00Z");
const t = useTestDatabase();
const handler = () => createEmailEventsHandler({ db: t.db, secret: SECRET, now: () => NOW });

function signedRequest(body: string, options: { secret?: string; timestamp?: number } = {}) {
  const timestamp = String(options.timestamp ?? NOW.getTime() / 1000);
  const signature = createHmac("sha256", options.secret ?? SECRET)
    .update(`${timestamp}.${body}`)
    .digest("hex");
  return new Request("https://papers.example.org/api/email/events", {
    method: "POST",
    headers: { "content-type": "application/json", "x-webhook-timestamp": timestamp, "x-webhook-signature": `sha256=${signature}` },
    body,
  });
}

const statusOf = async (email: string) => (await t.db.subscriber.findUniqueOrThrow({ where: { email } })).status;

beforeEach(async () => {
  await t.db.subscriber.deleteMany();
});

describe("POST /api/email/events", () => {
  it("suppresses a hard bounce, unsubscribes a complaint at once, and ignores a soft bounce", async () => {
    await Promise.all(
      ["hard@example.com", "angry@example.com", "full@example.com"].map((email) => createConfirmedSubscriber(t.db, email, NOW)),
    );
    const body = JSON.stringify({
      events: [
        { type: "bounce", email: "Hard@Example.com", reason: "550 5.1.1 user unknown" },
        { type: "complaint", email: "angry@example.com" },
        { type: "bounce", email: "full@example.com", permanent: false },
      ],
    });
    const response = await handler()(signedRequest(body), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 3, applied: 2 });
    expect(await t.db.subscriber.findUniqueOrThrow({ where: { email: "hard@example.com" } })).toMatchObject({
      status: "BOUNCED",
      bouncedAt: NOW,
      bounceReason: "550 5.1.1 user unknown",
    });
    expect(await statusOf("angry@example.com")).toBe("UNSUBSCRIBED");
    expect(await statusOf("full@example.com")).toBe("CONFIRMED");
  });

  it.each([
    ["a wrong secret", { secret: "another-secret-entirely" }],
    ["a stale timestamp", { timestamp: NOW.getTime() / 1000 - 301 }],
  ])("refuses %s with 401 and changes nothing", async (_label, options) => {
    await createConfirmedSubscriber(t.db, "target@example.com", NOW);
    const body = JSON.stringify({ events: [{ type: "complaint", email: "target@example.com" }] });
    const response = await handler()(signedRequest(body, options), undefined);
    expect(response.status).toBe(401);
    expect(await statusOf("target@example.com")).toBe("CONFIRMED");
  });

  it("refuses everything when no secret is configured", async () => {
    const body = JSON.stringify({ events: [{ type: "complaint", email: "target@example.com" }] });
    const response = await createEmailEventsHandler({ db: t.db, secret: undefined })(signedRequest(body), undefined);
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/EMAIL_WEBHOOK_SECRET is not configured/);
  });

  it("answers a malformed but signed body with a 400 naming the field", async () => {
    const response = await handler()(signedRequest(JSON.stringify({ events: [{ type: "opened", email: "x@example.com" }] })), undefined);
    expect(response.status).toBe(400);
    expect((await response.json()).error.param).toBe("events.0.type");
  });
});
