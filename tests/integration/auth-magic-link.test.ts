import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAuthRouteHandler, type AuthRouteHandler } from "@/server/auth/auth-route-handler";
import { createAuthOptions } from "@/server/auth/options";
import { findSessionUser } from "@/server/auth/session";
import { createDb } from "@/server/db";
import { createSmtpMailer } from "@/server/email/mailer";
import { AuthClient, linkFromMail, SITE_URL } from "../support/auth-client";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { useTestDatabase } from "../support/test-db";

const database = useTestDatabase();
let sink: TestSmtpServer;
let handler: AuthRouteHandler;
const limits = { perAddress: { limit: 3, windowMs: 3_600_000 }, perIp: { limit: 4, windowMs: 3_600_000 } };

function handlerFor(url: string) {
  const db = url === database.url ? database.db : createDb(url);
  const options = createAuthOptions({
    db,
    mailer: createSmtpMailer(sink.url, "Daily Papers <papers@test.localhost>"),
    siteUrl: SITE_URL,
    secret: "integration-test-secret-0123456789",
    linkTtlHours: 24,
  });
  return { db, handler: createAuthRouteHandler({ db, options, siteUrl: SITE_URL, limits }) };
}

beforeAll(async () => {
  sink = await startTestSmtpServer();
  handler = handlerFor(database.url).handler;
});

afterAll(async () => {
  await sink?.close();
});

beforeEach(async () => {
  // Every test starts with no rate-limit history, no pending links and an empty inbox.
  await database.db.rateLimitEvent.deleteMany();
  await database.db.verificationToken.deleteMany();
  sink.accepted.length = 0;
});

let ipCounter = 0;
const freshClient = () => new AuthClient(handler, `198.51.100.${++ipCounter}`);

async function completeSignIn(client: AuthClient, link: URL, origin: string | null = SITE_URL) {
  return client.request("POST", `/api/auth/callback/email${link.search}`, { origin });
}

describe("email magic link", () => {
  it("mails a confirmation-page link; only a same-origin POST signs in, once", async () => {
    const client = freshClient();
    const asked = await client.requestLink("  Ada.Lovelace@Example.COM ", "/me?tab=votes");
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as { url: string }).url).toBe(`${SITE_URL}/api/auth/verify-request?provider=email&type=email`);
    expect((await client.request("GET", "/api/auth/verify-request?provider=email&type=email")).headers.get("location")).toBe(
      "/auth/verify-request",
    );

    const mail = await sink.nextMessageTo("ada.lovelace@example.com");
    expect(mail.subject).toBe("Sign in to Daily Papers");
    expect(mail.from?.text).toContain("papers@test.localhost");
    const link = linkFromMail(mail.text);
    expect(link.origin).toBe(SITE_URL);
    expect(link.pathname).toBe("/auth/confirm");
    expect(link.searchParams.get("email")).toBe("ada.lovelace@example.com");
    expect(link.searchParams.get("callbackUrl")).toBe(`${SITE_URL}/me?tab=votes`);
    expect(mail.html).toContain(link.toString().replaceAll("&", "&#38;"));

    const stored = await database.db.verificationToken.findFirstOrThrow({ where: { identifier: "ada.lovelace@example.com" } });
    const ttlHours = (stored.expires.getTime() - Date.now()) / 3_600_000;
    expect(ttlHours).toBeGreaterThan(23.9);
    expect(ttlHours).toBeLessThanOrEqual(24);

    // A scanner following the raw next-auth callback URL is sent to the confirmation page instead.
    const scanned = await client.request("GET", `/api/auth/callback/email${link.search}`, { origin: null });
    expect(scanned.status).toBe(303);
    expect(scanned.headers.get("location")).toBe(`${SITE_URL}/auth/confirm${link.search}`);
    // A POST without the site's Origin (another site's form, a script) is refused.
    expect((await completeSignIn(client, link, null)).status).toBe(403);
    expect((await completeSignIn(client, link, "https://evil.example")).status).toBe(403);
    expect(await database.db.verificationToken.count()).toBe(1);
    expect(await database.db.session.count()).toBe(0);

    const confirmed = await completeSignIn(client, link);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(`${SITE_URL}/me?tab=votes`);
    const sessionToken = client.cookies.get("next-auth.session-token");
    const user = await findSessionUser(database.db, sessionToken);
    expect(user?.email).toBe("ada.lovelace@example.com");
    expect(await database.db.verificationToken.count()).toBe(0);

    const replayed = await completeSignIn(freshClient(), link);
    expect(replayed.status).toBe(302);
    expect(replayed.headers.get("location")).toBe(`${SITE_URL}/api/auth/error?error=Verification`);
    expect((await client.request("GET", "/api/auth/error?error=Verification")).headers.get("location")).toBe(
      "/auth/error?error=Verification",
    );
    expect(await database.db.session.count()).toBe(1);
  });

  it("refuses an expired link", async () => {
    const client = freshClient();
    expect((await client.requestLink("grace@example.org")).status).toBe(200);
    const link = linkFromMail((await sink.nextMessageTo("grace@example.org")).text);
    await database.db.verificationToken.updateMany({ data: { expires: new Date(Date.now() - 1000) } });

    const response = await completeSignIn(client, link);
    expect(response.headers.get("location")).toBe(`${SITE_URL}/api/auth/error?error=Verification`);
    expect(client.cookies.has("next-auth.session-token")).toBe(false);
    expect(await database.db.user.count({ where: { email: "grace@example.org" } })).toBe(0);
  });

  it("keeps one user per address whatever its case and spacing", async () => {
    for (const spelling of ["Linus@Example.net", " linus@example.NET"]) {
      const client = freshClient();
      expect((await client.requestLink(spelling)).status).toBe(200);
      const link = linkFromMail((await sink.nextMessageTo("linus@example.net")).text);
      expect((await completeSignIn(client, link)).status).toBe(302);
    }
    expect(await database.db.user.count({ where: { email: "linus@example.net" } })).toBe(1);
    expect(await database.db.session.count({ where: { user: { email: "linus@example.net" } } })).toBe(2);
  });

  it.each([
    ["", "Enter your email address."],
    ["   ", "Enter your email address."],
    [`${"a".repeat(250)}@example.com`, "longer than 254"],
    ["ada@", "not a valid domain"],
    ["ada", "no @"],
    ["ada@example.com\r\nBcc: victim@example.com", "line break"],
    ['"e@attacker.com"@victim.com', "not a valid mailbox name"],
    ["ada＠example.com", "plain ASCII"],
    ["ada@[127.0.0.1]", "not an IP address"],
    ["ada@192.168.0.1", "not an IP address"],
    ["ada@localhost", "not a valid domain"],
  ])("rejects %j with a clear message and sends no mail", async (address, message) => {
    const response = await freshClient().requestLink(address);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain(message);
    expect(sink.accepted).toHaveLength(0);
    expect(await database.db.verificationToken.count()).toBe(0);
    expect(await database.db.rateLimitEvent.count()).toBe(0);
  });
});

describe("sign-in rate limits (stored in Postgres)", () => {
  it("limits links per address from one client, across app instances, and says when to retry", async () => {
    const otherInstance = handlerFor(database.url);
    for (let attempt = 0; attempt < limits.perAddress.limit; attempt++) {
      const client = new AuthClient(attempt % 2 === 0 ? handler : otherInstance.handler, "192.0.2.1");
      expect((await client.requestLink("busy@example.com")).status).toBe(200);
    }
    expect(sink.accepted).toHaveLength(limits.perAddress.limit);

    const refused = await new AuthClient(otherInstance.handler, "192.0.2.1").requestLink("BUSY@example.com");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      "Too many sign-in links were sent to busy@example.com. Try again in 1 hour.",
    );
    expect(sink.accepted).toHaveLength(limits.perAddress.limit);
  });

  it("cannot be used to lock the owner out: forged requests count for nothing, a stranger's valid ones only against the stranger", async () => {
    const owner = "owner@example.com";
    const forger = new AuthClient(handler, "192.0.2.66");
    for (let attempt = 0; attempt < 20; attempt++) {
      // Cross-site, cookie-less, no csrfToken: what a hostile page can make a browser send.
      const forged = await forger.request("POST", "/api/auth/signin/email", {
        form: { email: owner, callbackUrl: "/", json: "true" },
        origin: "https://evil.example",
      });
      expect(forged.status).toBeLessThan(500);
    }
    expect(sink.accepted).toHaveLength(0);
    expect(await database.db.rateLimitEvent.count()).toBe(0);

    // A script with real CSRF tokens spends its own allowance for the address, not the owner's.
    const stranger = new AuthClient(handler, "192.0.2.77");
    for (let attempt = 0; attempt < limits.perAddress.limit; attempt++) await stranger.requestLink(owner);
    expect((await stranger.requestLink(owner)).status).toBe(429);

    const response = await new AuthClient(handler, "203.0.113.50").requestLink(owner);
    expect(response.status).toBe(200);
    expect(linkFromMail((await sink.nextMessageTo(owner)).text).pathname).toBe("/auth/confirm");
  });

  it("limits links per client IP", async () => {
    const client = new AuthClient(handler, "192.0.2.99");
    for (let index = 0; index < limits.perIp.limit; index++) {
      expect((await client.requestLink(`reader${index}@example.com`)).status).toBe(200);
    }
    const refused = await client.requestLink("one-more@example.com");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /from your network\. Try again in (\d+ minutes|1 hour)\./,
    );
    expect(sink.accepted).toHaveLength(limits.perIp.limit);
    expect(await database.db.rateLimitEvent.count({ where: { key: "sign-in:ip:192.0.2.99" } })).toBe(limits.perIp.limit);
  });
});

describe("callbackUrl", () => {
  it.each(["https://evil.example/phish", "//evil.example", "/\\evil.example", "javascript:alert(1)", "http://[::1"])(
    "never leaves the site for %j",
    async (callbackUrl) => {
      const client = freshClient();
      const signInPage = await client.request("GET", `/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(signInPage.status).toBe(302);
      expect(signInPage.headers.get("location")).toBe(`/auth/signin?callbackUrl=${encodeURIComponent(`${SITE_URL}/`)}`);

      expect((await client.requestLink("traveller@example.com", callbackUrl)).status).toBe(200);
      const link = linkFromMail((await sink.nextMessageTo("traveller@example.com")).text);
      expect(link.searchParams.get("callbackUrl")).toBe(`${SITE_URL}/`);
      // Even a link edited to point elsewhere lands on the home page.
      link.searchParams.set("callbackUrl", callbackUrl);
      const confirmed = await completeSignIn(client, link);
      expect(confirmed.status).toBe(302);
      expect(confirmed.headers.get("location")).toBe(`${SITE_URL}/`);
    },
  );
});

describe("providers", () => {
  it("offers GitHub only when it is configured", async () => {
    const providerIds = async (github?: { clientId: string; clientSecret: string }) => {
      const options = createAuthOptions({
        db: database.db,
        mailer: createSmtpMailer(sink.url, "x@test.localhost"),
        siteUrl: SITE_URL,
        secret: "integration-test-secret-0123456789",
        linkTtlHours: 24,
        github,
      });
      const response = await new AuthClient(createAuthRouteHandler({ db: database.db, options, siteUrl: SITE_URL })).request(
        "GET",
        "/api/auth/providers",
      );
      return Object.keys((await response.json()) as Record<string, unknown>);
    };
    expect(await providerIds()).toEqual(["email"]);
    expect(await providerIds({ clientId: "id", clientSecret: "secret" })).toEqual(["email", "github"]);
  });
});
