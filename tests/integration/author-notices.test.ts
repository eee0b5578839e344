import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { listPaperComments, postComment } from "@/server/comments/comments";
import { createSmtpMailer, type Mailer } from "@/server/email/mailer";
import { createNotificationUnsubscribeHandlers } from "@/server/notifications/notification-unsubscribe-handlers";
import { notifyPaperAuthors } from "@/server/notifications/notify-authors";
import { createPaper, createSignedInUser } from "../support/accounts";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const SITE_URL = "http://localhost:3000";
const PAPER = "2611.00001";
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

// The SMTP sink keeps every test's mail: each test has addresses of its own.
let run = 0;
const address = (name: string) => `${name}.${run}@example.com`;

beforeEach(async () => {
  run += 1;
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "RateLimitEvent" CASCADE`);
  await createPaper(t.db, PAPER);
  await createPaper(t.db, "2611.00002");
});

const notify = (threadId: string) => notifyPaperAuthors({ db: t.db, mailer, siteUrl: SITE_URL }, threadId);

async function author(email: string, status: "APPROVED" | "PENDING" = "APPROVED", paperId = PAPER) {
  const { user } = await createSignedInUser(t.db, email);
  await t.db.authorClaim.create({ data: { userId: user.id, paperId, authorName: "A. Author", evidence: "test", status } });
  return user;
}

describe("emails to a paper's verified authors", () => {
  it("send an approved author exactly one email per new thread, however often or concurrently asked, and none for replies", async () => {
    const ada = await author(address("ada"));
    const { user: reader } = await createSignedInUser(t.db, address("reader"));
    const thread = await postComment(t.db, reader.id, { paperId: PAPER, body: "How does this compare with **the baseline**?" });

    const concurrent = await Promise.all([notify(thread.id), notify(thread.id), notify(thread.id)]);
    expect(concurrent.sort()).toEqual([0, 0, 1]);
    expect(await notify(thread.id)).toBe(0);
    const mail = await sink.nextMessageTo(address("ada"));
    expect(mail.subject).toMatch(/^reader-[0-9a-f]{6} started a thread on your paper “Paper 2611\.00001”$/);
    expect(mail.text).toContain("How does this compare with **the baseline**?");
    expect(mail.text).toContain(`${SITE_URL}/papers/${PAPER}#comment-${thread.id}`);
    expect(mail.text).not.toContain(address("reader"));
    expect(sink.acceptedFor(address("ada"))).toHaveLength(1);
    expect(await t.db.authorNotice.findMany({ select: { userId: true, threadId: true } })).toEqual([
      { userId: ada.id, threadId: thread.id },
    ]);

    const reply = await postComment(t.db, reader.id, { paperId: PAPER, replyTo: thread.id, body: "And another thing." });
    expect(await notify(reply.id)).toBe(0);
    // A second thread is news again.
    const second = await postComment(t.db, reader.id, { paperId: PAPER, body: "A second question." });
    expect(await notify(second.id)).toBe(1);
    await sink.nextMessageTo(address("ada"));
    expect(sink.acceptedFor(address("ada"))).toHaveLength(2);
    expect(sink.acceptedFor(address("reader"))).toHaveLength(0);
  });

  it("skip the thread's own writer, authors who switched them off or are banned, pending claims and other papers' authors", async () => {
    const ada = await author(address("ada"));
    const off = await author(address("off"));
    await t.db.user.update({ where: { id: off.id }, data: { authorNotifications: false } });
    const banned = await author(address("banned"));
    await t.db.user.update({ where: { id: banned.id }, data: { bannedAt: new Date() } });
    await author(address("pending"), "PENDING");
    await author(address("elsewhere"), "APPROVED", "2611.00002");
    const grace = await author(address("grace"));

    const own = await postComment(t.db, ada.id, { paperId: PAPER, body: "Authors' note: the code is out." });
    expect(await notify(own.id)).toBe(1);
    await sink.nextMessageTo(address("grace"));
    for (const name of ["ada", "off", "banned", "pending", "elsewhere"]) expect(sink.acceptedFor(address(name))).toHaveLength(0);
    expect(await t.db.authorNotice.findMany({ select: { userId: true } })).toEqual([{ userId: grace.id }]);
  });

  it("stop at the one-click unsubscribe (RFC 8058) in the email, leaving reply emails on", async () => {
    const ada = await author(address("ada"));
    const { user: reader } = await createSignedInUser(t.db, address("reader"));
    const first = await postComment(t.db, reader.id, { paperId: PAPER, body: "First." });
    expect(await notify(first.id)).toBe(1);
    const mail = await sink.nextMessageTo(address("ada"));
    const header = (key: string) => mail.headerLines.find((line) => line.key === key)?.line ?? "";
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const url = new URL(/<([^>]+)>/.exec(header("list-unsubscribe"))![1]!);
    expect(url.pathname).toMatch(/^\/api\/notifications\/unsubscribe\/[A-Za-z0-9_-]{20,64}$/);
    expect(url.search).toBe("?kind=author");
    const token = url.pathname.split("/").at(-1)!;
    const { GET, POST } = createNotificationUnsubscribeHandlers(t.db, SITE_URL);
    const context = { params: Promise.resolve({ token }) };

    // A person following the link gets the page with a button; nothing changes yet.
    const followed = await GET(new Request(url), context);
    expect(followed.status).toBe(303);
    expect(followed.headers.get("location")).toBe(`${SITE_URL}/notifications/unsubscribe/${token}?kind=author`);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: ada.id } })).authorNotifications).toBe(true);

    const answer = await POST(
      new Request(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      context,
    );
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ authorNotifications: false });
    expect(
      await t.db.user.findUniqueOrThrow({ where: { id: ada.id }, select: { authorNotifications: true, replyNotifications: true } }),
    ).toEqual({
      authorNotifications: false,
      replyNotifications: true,
    });
    const next = await postComment(t.db, reader.id, { paperId: PAPER, body: "Second." });
    expect(await notify(next.id)).toBe(0);
    expect(sink.acceptedFor(address("ada"))).toHaveLength(1);

    // The page's own button lands back on the page, saying so; an unknown kind is a 400.
    const fromPage = await POST(
      new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "from=page" }),
      context,
    );
    expect(fromPage.headers.get("location")).toBe(`${SITE_URL}/notifications/unsubscribe/${token}?kind=author&done=1`);
    const badKind = new URL(url);
    badKind.search = "?kind=digest";
    expect((await POST(new Request(badKind, { method: "POST" }), context)).status).toBe(400);
  });
});

describe("the Author badge", () => {
  it("marks the comments of an approved author of the paper, looked up in one query for the whole page", async () => {
    const ada = await author(address("ada"));
    const pending = await author(address("pending"), "PENDING");
    const elsewhere = await author(address("elsewhere"), "APPROVED", "2611.00002");
    const { user: reader } = await createSignedInUser(t.db, address("reader"));
    const thread = await postComment(t.db, reader.id, { paperId: PAPER, body: "A question." });
    const answer = await postComment(t.db, ada.id, { paperId: PAPER, replyTo: thread.id, body: "The author's answer." });
    expect(answer.paperAuthor).toBe(true);
    await postComment(t.db, pending.id, { paperId: PAPER, body: "Pending." });
    await postComment(t.db, elsewhere.id, { paperId: PAPER, body: "Elsewhere." });
    await postComment(t.db, ada.id, { paperId: PAPER, body: "Author's own thread." });

    const statements: string[] = [];
    const recording = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url }), log: [{ emit: "event", level: "query" }] });
    recording.$on("query", (event) => statements.push(event.query));
    try {
      const page = await listPaperComments(recording, PAPER, { viewerId: reader.id });
      const badged = page.threads.flatMap((item) => [item, ...item.replies]).map((comment) => [comment.body, comment.paperAuthor]);
      expect(Object.fromEntries(badged)).toEqual({
        "A question.": false,
        "The author's answer.": true,
        "Pending.": false,
        "Elsewhere.": false,
        "Author's own thread.": true,
      });
      expect(statements.filter((statement) => statement.includes('"AuthorClaim"'))).toHaveLength(1);
    } finally {
      await recording.$disconnect();
    }
  });
});
