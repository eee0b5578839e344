import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { postComment } from "@/server/comments/comments";
import { createSmtpMailer, type Mailer } from "@/server/email/mailer";
import { createNotificationUnsubscribeHandlers } from "@/server/notifications/notification-unsubscribe-handlers";
import { notifyReply } from "@/server/notifications/notify-reply";
import { createPaper, createSignedInUser } from "../support/accounts";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const SITE_URL = "http://localhost:3000";
let sink: TestSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startTestSmtpServer();
  mailer = createSmtpMailer(sink.url, "Daily Papers <papers@test.localhost>");
});

afterAll(async () => {
  mailer?.close();
  await sink?.close();
});

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "RateLimitEvent" CASCADE`);
  await createPaper(t.db, "2611.00001");
});

describe("reply notifications", () => {
  it("a reply sends exactly one email through SMTP per thread and hour, with one-click unsubscribe that stops the next", async () => {
    const { user: alice } = await createSignedInUser(t.db, "alice@example.com");
    const { user: bob } = await createSignedInUser(t.db, "bob@example.com");
    const thread = await postComment(t.db, alice.id, { paperId: "2611.00001", body: "A question about Table 2" });
    const deps = (now: Date) => ({ db: t.db, mailer, siteUrl: SITE_URL, now });
    const t0 = new Date("2026-11-30T10:00:00Z");

    const own = await postComment(t.db, alice.id, { paperId: "2611.00001", replyTo: thread.id, body: "Answering myself" });
    expect(await notifyReply(deps(t0), own.id)).toBe("self");

    const first = await postComment(t.db, bob.id, { paperId: "2611.00001", replyTo: thread.id, body: "The numbers are per GPU." });
    const second = await postComment(t.db, bob.id, { paperId: "2611.00001", replyTo: first.id, body: "And the batch size is 32." });
    expect(await Promise.all([notifyReply(deps(t0), first.id), notifyReply(deps(t0), second.id)])).toEqual(
      expect.arrayContaining(["sent", "recently-notified"]),
    );
    const mail = await sink.nextMessageTo("alice@example.com");
    expect(mail.subject).toMatch(/^reader-[0-9a-f]{6} replied to your comment on “Paper 2611\.00001”$/);
    expect(mail.text).toMatch(/The numbers are per GPU\.|And the batch size is 32\./);
    expect(mail.text).not.toContain("bob@example.com");
    const header = (key: string) => mail.headerLines.find((line) => line.key === key)?.line ?? "";
    const unsubscribe = /<([^>]+)>/.exec(header("list-unsubscribe"))![1]!;
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(sink.acceptedFor("alice@example.com")).toHaveLength(1);
    expect(sink.acceptedFor("bob@example.com")).toHaveLength(0);

    // An hour later the next reply in the thread is news again…
    const later = await postComment(t.db, bob.id, { paperId: "2611.00001", replyTo: thread.id, body: "One more thing." });
    expect(await notifyReply(deps(new Date(t0.getTime() + 3_600_000)), later.id)).toBe("sent");
    await sink.nextMessageTo("alice@example.com");

    // …until the one-click unsubscribe (RFC 8058: a POST with no cookie) switches them off.
    const url = new URL(unsubscribe);
    const token = url.pathname.split("/").at(-1)!;
    const { POST } = createNotificationUnsubscribeHandlers(t.db, SITE_URL);
    const answer = await POST(
      new Request(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(answer.status).toBe(200);
    const after = await postComment(t.db, bob.id, { paperId: "2611.00001", replyTo: thread.id, body: "Hello?" });
    expect(await notifyReply(deps(new Date(t0.getTime() + 3 * 3_600_000)), after.id)).toBe("switched-off");
    expect(sink.acceptedFor("alice@example.com")).toHaveLength(2);
    expect((await POST(new Request(url, { method: "POST" }), { params: Promise.resolve({ token: "x".repeat(32) }) })).status).toBe(404);
  });

  it("a stored address with a planted header is skipped: nothing is delivered to anyone, one log line without the address", async () => {
    const { user: alice } = await createSignedInUser(t.db, "alice@example.com");
    const { user: bob } = await createSignedInUser(t.db, "bob@example.com");
    // Behind the app's back, as a compromised or hand-edited database would hold it.
    await t.db.$executeRaw`UPDATE "User" SET "email" = ${"victim@example.com\r\nBcc: attacker@example.com"} WHERE "id" = ${alice.id}`;
    const thread = await postComment(t.db, alice.id, { paperId: "2611.00001", body: "A question about Table 2" });
    const reply = await postComment(t.db, bob.id, { paperId: "2611.00001", replyTo: thread.id, body: "The numbers are per GPU." });
    const messagesBefore = sink.counts.messages;
    const warnings: string[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((...args) => warnings.push(args.join(" ")));
    const outcome = await notifyReply({ db: t.db, mailer, siteUrl: SITE_URL }, reply.id).finally(() => warn.mockRestore());

    expect(sink.acceptedFor("attacker@example.com")).toHaveLength(0);
    expect(sink.acceptedFor("victim@example.com")).toHaveLength(0);
    expect(sink.counts.messages).toBe(messagesBefore);
    expect(outcome).toBe("invalid-address");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(alice.id);
    expect(warnings[0]).not.toMatch(/victim|attacker|Bcc/);
  });
});
