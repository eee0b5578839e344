import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCronDigestHandler } from "@/server/digest/cron-digest-handler";
import { createSmtpMailer } from "@/server/email/mailer";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { createConfirmHandler } from "@/server/subscriptions/confirm-handler";
import { expireUnconfirmedSubscriptions } from "@/server/subscriptions/expire";
import { createPreferencesHandler } from "@/server/subscriptions/preferences-handler";
import { createSubscribeHandler } from "@/server/subscriptions/subscribe-handler";
import { createUnsubscribeHandlers } from "@/server/subscriptions/unsubscribe-handlers";
import { HF_FIXTURES } from "../support/fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { useTestDatabase } from "../support/test-db";

const SITE = "https://papers.example.org";
const CRON_SECRET = "a-cron-secret-of-some-length";
const WEDNESDAY = new Date("2026-06-17T07:00:00Z");
const HOUR = 3_600_000;

const t = useTestDatabase();
let smtp: TestSmtpServer;
let clock: Date;
const now = () => clock;
const mailer = () => createSmtpMailer(smtp.url, "Daily Papers <papers@example.org>");

let subscribe: ReturnType<typeof createSubscribeHandler>;
let confirm: ReturnType<typeof createConfirmHandler>;
let unsubscribeLink: ReturnType<typeof createUnsubscribeHandlers>;
let preferences: ReturnType<typeof createPreferencesHandler>;

let ipCounter = 0;
function subscribeRequest(body: unknown, init: { ip?: string; headers?: Record<string, string> } = {}) {
  return subscribe(
    new Request(`${SITE}/api/subscriptions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": init.ip ?? `10.0.0.${++ipCounter}`, ...init.headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    undefined,
  );
}

function formPost(url: string, fields: Record<string, string>) {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

const tokenContext = (token: string) => ({ params: Promise.resolve({ token }) });

function confirmTokenFrom(mail: ParsedMail): string {
  const match = /\/subscribe\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? "");
  if (!match) throw new Error(`No confirmation link in:\n${mail.text}`);
  return match[1]!;
}

async function lastMailTo(address: string): Promise<ParsedMail> {
  await expect.poll(() => smtp.acceptedFor(address).length).toBeGreaterThan(0);
  return smtp.acceptedFor(address).at(-1)!.mail;
}

async function subscribeAndConfirm(email: string): Promise<string> {
  expect((await subscribeRequest({ email, cadence: "daily" })).status).toBe(202);
  const response = await confirm(
    formPost(`${SITE}/api/subscriptions/confirm`, { token: confirmTokenFrom(await lastMailTo(email)) }),
    undefined,
  );
  expect(response.status).toBe(303);
  return (await t.db.subscriber.findUniqueOrThrow({ where: { email } })).manageToken;
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  subscribe = createSubscribeHandler({ db: t.db, mailer, siteUrl: SITE, linkTtlHours: 24, now });
  confirm = createConfirmHandler({ db: t.db, now });
  unsubscribeLink = createUnsubscribeHandlers({ db: t.db, now });
  preferences = createPreferencesHandler({ db: t.db, now });
});

beforeEach(async () => {
  clock = WEDNESDAY;
  smtp.accepted.length = 0;
  await t.db.digest.deleteMany();
  await t.db.subscriber.deleteMany();
  await t.db.rateLimitEvent.deleteMany();
});

afterAll(async () => {
  await smtp.close();
});

describe("subscribing (double opt-in)", () => {
  it("records a pending subscription and mails a confirmation link; confirming makes it active once", async () => {
    const response = await subscribeRequest({ email: "  Ada@Example.COM ", cadence: "weekly" });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ outcome: "pending", email: "ada@example.com", cadence: "WEEKLY" });
    expect(await t.db.subscriber.findUnique({ where: { email: "ada@example.com" } })).toMatchObject({
      status: "PENDING",
      cadence: "WEEKLY",
    });

    const mail = await lastMailTo("ada@example.com");
    expect(mail.subject).toBe("Confirm your Daily Papers subscription");
    expect(String(mail.html)).toContain("Confirm subscription");
    const token = confirmTokenFrom(mail);

    const confirmed = await confirm(formPost(`${SITE}/api/subscriptions/confirm`, { token }), undefined);
    const subscriber = await t.db.subscriber.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe(`/preferences/${subscriber.manageToken}?updated=confirmed`);
    expect(subscriber).toMatchObject({ status: "CONFIRMED", confirmedAt: WEDNESDAY, confirmTokenHash: null });

    const reused = await confirm(formPost(`${SITE}/api/subscriptions/confirm`, { token }), undefined);
    expect(reused.status).toBe(404);
  });

  it("answers the same for a new, a pending and a confirmed address, and never changes a confirmed one", async () => {
    await subscribeAndConfirm("known@example.com");
    const bodies = [];
    for (const email of ["fresh@example.com", "fresh@example.com", "known@example.com"]) {
      const response = await subscribeRequest({ email, cadence: "weekly" });
      expect(response.status).toBe(202);
      bodies.push(await response.json());
    }
    expect(bodies[2]).toEqual({ ...bodies[0], email: "known@example.com" });
    expect(await t.db.subscriber.findUnique({ where: { email: "known@example.com" } })).toMatchObject({
      status: "CONFIRMED",
      cadence: "DAILY",
    });
    // Only the owner of the mailbox learns that the address was already subscribed.
    expect((await lastMailTo("known@example.com")).subject).toBe("You're already subscribed to Daily Papers");
    // A second request for a pending address replaces the link: only the newest one works.
    const [first, second] = smtp.acceptedFor("fresh@example.com").map((message) => confirmTokenFrom(message.mail));
    expect((await confirm(formPost(`${SITE}/api/subscriptions/confirm`, { token: first! }), undefined)).status).toBe(404);
    expect((await confirm(formPost(`${SITE}/api/subscriptions/confirm`, { token: second! }), undefined)).status).toBe(303);
  });

  it("keeps one row when the same address subscribes several times at once", async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => subscribeRequest({ email: "twice@example.com", cadence: "daily" })),
    );
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202, 202, 202]);
    expect(await t.db.subscriber.count({ where: { email: "twice@example.com" } })).toBe(1);
  });

  it("rejects bad input with a 400 that says what is wrong, and sends nothing", async () => {
    const cases: [unknown, RegExp][] = [
      [{ email: '"e@attacker.com"@victim.com', cadence: "daily" }, /part before the @/],
      [{ email: "someone@example.com\r\nBcc: x@y.z", cadence: "daily" }, /line break/],
      [{ email: "ok@example.com", cadence: "hourly" }, /daily or weekly/],
      [{ cadence: "daily" }, /Enter your email address/],
      ["{not json", /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const response = await subscribeRequest(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.message).toMatch(message);
    }
    const formPosted = await subscribe(formPost(`${SITE}/api/subscriptions`, { email: "a@example.com", cadence: "daily" }), undefined);
    expect(formPosted.status).toBe(400);
    expect(smtp.accepted).toHaveLength(0);
    expect(await t.db.subscriber.count()).toBe(0);
  });

  it("rate limits per address and client like sign-in does; a stranger cannot use up the owner's allowance", async () => {
    const stranger = "198.51.100.9";
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await subscribeRequest({ email: "spam@example.com", cadence: "daily" }, { ip: stranger })).status).toBe(202);
    const limited = await subscribeRequest({ email: "spam@example.com", cadence: "daily" }, { ip: stranger });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(/Try again in/);
    await expect.poll(() => smtp.acceptedFor("spam@example.com").length).toBe(5);

    expect((await subscribeRequest({ email: "spam@example.com", cadence: "daily" }, { ip: "203.0.113.8" })).status).toBe(202);
    await expect.poll(() => smtp.acceptedFor("spam@example.com").length).toBe(6);
  });

  it("expires unconfirmed subscriptions with their link", async () => {
    await subscribeRequest({ email: "late@example.com", cadence: "daily" });
    const token = confirmTokenFrom(await lastMailTo("late@example.com"));
    clock = new Date(WEDNESDAY.getTime() + 25 * HOUR);
    const expired = await confirm(formPost(`${SITE}/api/subscriptions/confirm`, { token }), undefined);
    expect(expired.status).toBe(410);
    expect((await expired.json()).error.message).toMatch(/expired/);
    expect(await expireUnconfirmedSubscriptions(t.db, clock)).toBe(1);
    expect(await t.db.subscriber.count()).toBe(0);
  });

  it("subscribes a signed-in user's address in one click, same-origin only", async () => {
    const user = await t.db.user.create({ data: { email: "grace@example.com" } });
    await t.db.session.create({
      data: { sessionToken: "session-token-grace", userId: user.id, expires: new Date("2030-01-01T00:00:00Z") },
    });
    const cookie = "next-auth.session-token=session-token-grace";

    expect((await subscribeRequest({ account: true, cadence: "weekly" })).status).toBe(401);
    expect(
      (await subscribeRequest({ account: true, cadence: "weekly" }, { headers: { cookie, origin: "https://evil.example" } })).status,
    ).toBe(403);
    const response = await subscribeRequest({ account: true, cadence: "weekly" }, { headers: { cookie, origin: SITE } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "subscribed", email: "grace@example.com", cadence: "WEEKLY" });
    expect(await t.db.subscriber.findUnique({ where: { email: "grace@example.com" } })).toMatchObject({
      status: "CONFIRMED",
      userId: user.id,
    });
    expect(smtp.accepted).toHaveLength(0);
  });
});

describe("unsubscribing and preferences", () => {
  it("unsubscribes with the digest's List-Unsubscribe POST (no cookies), while a GET only leads to the page", async () => {
    await t.db.paper.deleteMany();
    await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
    const manageToken = await subscribeAndConfirm("reader@example.com");
    const cron = createCronDigestHandler({ db: t.db, mailer, cronSecret: CRON_SECRET, siteUrl: SITE, now });
    const run = await cron(
      new Request(`${SITE}/api/cron/trending-digest?cadence=daily`, { headers: { authorization: `Bearer ${CRON_SECRET}` } }),
      undefined,
    );
    expect(run.status).toBe(200);
    expect((await run.json()).reports).toEqual([expect.objectContaining({ cadence: "daily", sent: 1 })]);

    const digest = await lastMailTo("reader@example.com");
    const header = digest.headerLines.find((line) => line.key === "list-unsubscribe")!.line;
    const url = /<([^>]+)>/.exec(header)![1]!;
    expect(url).toBe(`${SITE}/api/unsubscribe/${manageToken}`);

    const scanned = await unsubscribeLink.GET(new Request(url), tokenContext(manageToken));
    expect(scanned.status).toBe(303);
    expect(scanned.headers.get("location")).toBe(`/unsubscribe/${manageToken}`);
    expect(await t.db.subscriber.findUnique({ where: { email: "reader@example.com" } })).toMatchObject({ status: "CONFIRMED" });

    for (let time = 0; time < 2; time++) {
      const oneClick = await unsubscribeLink.POST(formPost(url, { "List-Unsubscribe": "One-Click" }), tokenContext(manageToken));
      expect(oneClick.status).toBe(200);
      expect(await oneClick.json()).toEqual({ unsubscribed: true });
    }
    expect(await t.db.subscriber.findUnique({ where: { email: "reader@example.com" } })).toMatchObject({
      status: "UNSUBSCRIBED",
      unsubscribedAt: WEDNESDAY,
    });
    const oddBody = await unsubscribeLink.POST(
      new Request(url, { method: "POST", headers: { "content-type": "text/plain" }, body: "List-Unsubscribe=One-Click" }),
      tokenContext(manageToken),
    );
    expect(oddBody.status).toBe(200);

    // The page's own button comes back to the page.
    const fromPage = await unsubscribeLink.POST(
      formPost(url, { "List-Unsubscribe": "One-Click", from: "page" }),
      tokenContext(manageToken),
    );
    expect(fromPage.status).toBe(303);
    expect(fromPage.headers.get("location")).toBe(`/unsubscribe/${manageToken}`);
  });

  it("refuses forged and altered tokens with a 4xx and changes nothing", async () => {
    const manageToken = await subscribeAndConfirm("careful@example.com");
    const forged = "A".repeat(43);
    const altered = `${manageToken.slice(0, -1)}${manageToken.endsWith("A") ? "B" : "A"}`;
    for (const [token, status] of [
      [forged, 404],
      [altered, 404],
      [`${manageToken}x`, 400],
      ["../../etc", 400],
    ] as const) {
      const response = await unsubscribeLink.POST(
        formPost(`${SITE}/api/unsubscribe/x`, { "List-Unsubscribe": "One-Click" }),
        tokenContext(token),
      );
      expect(response.status, token).toBe(status);
      expect((await response.json()).error.message).toBeTruthy();
      expect((await preferences(formPost(`${SITE}/api/preferences/x`, { intent: "unsubscribe" }), tokenContext(token))).status).toBe(
        status,
      );
    }
    expect(await t.db.subscriber.findUnique({ where: { email: "careful@example.com" } })).toMatchObject({ status: "CONFIRMED" });
  });

  it("changes the cadence, unsubscribes and resubscribes from the preferences page", async () => {
    const manageToken = await subscribeAndConfirm("prefs@example.com");
    const post = (fields: Record<string, string>) =>
      preferences(formPost(`${SITE}/api/preferences/${manageToken}`, fields), tokenContext(manageToken));
    const state = () =>
      t.db.subscriber.findUniqueOrThrow({ where: { email: "prefs@example.com" }, select: { status: true, cadence: true } });

    const saved = await post({ intent: "cadence", cadence: "weekly" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/preferences/${manageToken}?updated=cadence`);
    expect(await state()).toEqual({ status: "CONFIRMED", cadence: "WEEKLY" });
    expect((await post({ intent: "unsubscribe" })).status).toBe(303);
    expect(await state()).toEqual({ status: "UNSUBSCRIBED", cadence: "WEEKLY" });
    expect((await post({ intent: "resubscribe" })).status).toBe(303);
    expect(await state()).toEqual({ status: "CONFIRMED", cadence: "WEEKLY" });

    const bad = await post({ intent: "cadence", cadence: "hourly" });
    expect(bad.status).toBe(400);
    expect((await post({ intent: "delete-everything" })).status).toBe(400);

    // The personal digest reads an account's follows: an address without an account cannot choose it.
    const personal = await post({ intent: "content", content: "TRENDING_AND_FOLLOWS" });
    expect(personal.status).toBe(409);
    expect((await personal.json()).error.message).toMatch(
      /^Only a subscription made while signed in can include papers from what you follow/,
    );
    expect((await post({ intent: "content", content: "everything" })).status).toBe(400);
    expect((await post({ intent: "content", content: "TRENDING" })).status).toBe(303);
    expect(await state()).toEqual({ status: "CONFIRMED", cadence: "WEEKLY" });
  });
});

describe("GET /api/cron/trending-digest", () => {
  const request = (authorization?: string, query = "") =>
    new Request(`${SITE}/api/cron/trending-digest${query}`, { headers: authorization === undefined ? {} : { authorization } });

  it("answers 401 without the secret, with a wrong one, and to everything when CRON_SECRET is unset", async () => {
    const configured = createCronDigestHandler({ db: t.db, mailer, cronSecret: CRON_SECRET, siteUrl: SITE, now });
    const unset = createCronDigestHandler({ db: t.db, mailer, cronSecret: undefined, siteUrl: SITE, now });
    for (const authorization of [
      undefined,
      "",
      "Bearer",
      `Bearer ${CRON_SECRET}x`,
      `Bearer ${CRON_SECRET.slice(0, -1)}`,
      CRON_SECRET,
      `Basic ${CRON_SECRET}`,
    ]) {
      const response = await configured(request(authorization), undefined);
      expect(response.status, String(authorization)).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHORIZED");
    }
    for (const authorization of [undefined, "Bearer ", "Bearer undefined", `Bearer ${CRON_SECRET}`]) {
      expect((await unset(request(authorization), undefined)).status).toBe(401);
    }
    expect(await t.db.digest.count()).toBe(0);
  });

  it("runs the job with the right secret and rejects an unknown cadence with a 400", async () => {
    const cron = createCronDigestHandler({ db: t.db, mailer, cronSecret: CRON_SECRET, siteUrl: SITE, now });
    const bad = await cron(request(`Bearer ${CRON_SECRET}`, "?cadence=hourly"), undefined);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ param: "cadence" });
    const both = await cron(request(`Bearer ${CRON_SECRET}`), undefined);
    expect(both.status).toBe(200);
    expect((await both.json()).reports.map((report: { cadence: string; period: string }) => [report.cadence, report.period])).toEqual([
      ["daily", "2026-06-17"],
      ["weekly", "2026-W25"],
    ]);
  });
});
