import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSmtpMailer, type Mailer } from "@/server/email/mailer";
import { createGroup, joinGroup, setGroupReminders } from "@/server/groups/groups";
import { addQuestion } from "@/server/groups/questions";
import { createReminderUnsubscribeHandlers } from "@/server/groups/reminder-unsubscribe-handlers";
import { sendSessionReminders } from "@/server/groups/reminders";
import { scheduleSession } from "@/server/groups/sessions";
import { createPaper, createSignedInUser } from "../support/accounts";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const SITE_URL = "http://localhost:3000";
const SECRET = "test-only-signing-secret";
// The Tuesday session below starts at 18:00 in Berlin, 17:00Z; this is 21 hours before.
const NOW = new Date("2026-10-26T20:00:00Z");
let sink: TestSmtpServer;
const mailers: Mailer[] = [];

function mailer(): Mailer {
  const created = createSmtpMailer(sink.url, "Daily Papers <papers@test.localhost>");
  mailers.push(created);
  return created;
}

const run = (now = NOW) => sendSessionReminders({ db: t.db, mailer: mailer(), now: () => now, siteUrl: SITE_URL, signingSecret: SECRET });

beforeAll(async () => {
  sink = await startTestSmtpServer();
});

afterAll(async () => {
  for (const created of mailers) created.close();
  await sink?.close();
});

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "ReadingGroup", "RateLimitEvent" CASCADE`);
  sink.accepted.length = 0;
  await createPaper(t.db, "2610.00001");
  await createPaper(t.db, "2610.00002");
});

async function groupWithMembers() {
  const { user: ada } = await createSignedInUser(t.db, "ada@example.com");
  const { user: bob } = await createSignedInUser(t.db, "bob@example.com");
  const { user: cy } = await createSignedInUser(t.db, "cy@example.com");
  const { slug } = await createGroup(t.db, ada.id, { name: "Graph Lunch", visibility: "PUBLIC", timeZone: "Europe/Berlin" });
  await joinGroup(t.db, bob.id, slug);
  await joinGroup(t.db, cy.id, slug);
  await setGroupReminders(t.db, cy.id, slug, false);
  const form = {
    time: "18:00",
    timeZone: "Europe/Berlin",
    durationMinutes: "60",
    location: "https://meet.example.org/graphs",
    presenter: "Bob",
  };
  const tomorrow = await scheduleSession(t.db, ada.id, slug, { ...form, date: "2026-10-27", papers: "2610.00001 2610.00002" });
  // Outside the window: in two days, and one that has started already.
  await scheduleSession(t.db, ada.id, slug, { ...form, date: "2026-10-29", papers: "2610.00001" });
  await scheduleSession(t.db, ada.id, slug, {
    ...form,
    date: "2026-10-26",
    time: "20:30",
    timeZone: "Europe/Berlin",
    papers: "2610.00001",
  });
  await addQuestion(t.db, bob.id, { sessionId: tomorrow.id, body: "Why this loss?" }, { now: NOW });
  return { ada, bob, cy, slug, sessionId: tomorrow.id };
}

describe("session reminders", () => {
  it("go once per member per session, even with two runs at once and a rerun; not to members who turned them off", async () => {
    const { slug, sessionId } = await groupWithMembers();
    const reports = await Promise.all([run(), run()]);
    expect(reports.map((report) => report.sessions)).toEqual([1, 1]);
    expect(reports[0]!.sent + reports[1]!.sent).toBe(2);
    expect((await run(new Date(NOW.getTime() + 3_600_000))).sent).toBe(0);
    await sink.waitForAccepted(2);
    expect(sink.accepted.map((message) => message.to).sort()).toEqual(["ada@example.com", "bob@example.com"]);
    expect(sink.acceptedFor("cy@example.com")).toHaveLength(0);
    expect(await t.db.sessionReminder.count({ where: { sessionId, status: "SENT" } })).toBe(2);

    const mail = sink.acceptedFor("bob@example.com")[0]!.mail;
    expect(mail.subject).toBe("Reminder: Graph Lunch meets Tuesday, October 27, 2026 at 18:00 GMT+1");
    expect(mail.text).toContain("Graph Lunch meets Tuesday, October 27, 2026 at 18:00 GMT+1 (Europe/Berlin), for 60 minutes.");
    expect(mail.text).toContain("Where: https://meet.example.org/graphs");
    expect(mail.text).toContain("1. Paper 2610.00001\n   http://localhost:3000/papers/2610.00001");
    expect(mail.text).toContain("2. Paper 2610.00002\n   http://localhost:3000/papers/2610.00002");
    expect(mail.text).toContain("1 question so far.");
    expect(mail.text).toContain(`${SITE_URL}/groups/${slug}/sessions/${sessionId}`);
    expect(mail.messageId).toMatch(new RegExp(`^<reminder-${sessionId}-.+@localhost>$`));
    // Unfolded: a long header arrives folded over two lines.
    const header = (key: string) => (mail.headerLines.find((line) => line.key === key)?.line ?? "").replace(/\r?\n[ \t]+/g, " ");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/groups\/reminders\/unsubscribe\/[^>]+>$/);
  });

  it("the one-click unsubscribe (a POST without a cookie) turns the group's reminders off; a forged link does nothing", async () => {
    const { bob } = await groupWithMembers();
    await run();
    const mail = sink.acceptedFor("bob@example.com")[0]!.mail;
    const line = mail.headerLines.find((entry) => entry.key === "list-unsubscribe")!.line;
    const url = new URL(/<([^>]+)>/.exec(line)![1]!);
    const token = decodeURIComponent(url.pathname.split("/").at(-1)!);
    const { POST } = createReminderUnsubscribeHandlers({ db: t.db, siteUrl: SITE_URL, signingSecret: SECRET });
    const oneClick = (value: string) =>
      POST(
        new Request(url, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
        { params: Promise.resolve({ token: value }) },
      );

    const forged = token.replace(/\.[^.]+$/, `.${"A".repeat(43)}`);
    expect((await oneClick(forged)).status).toBe(404);
    expect((await t.db.groupMember.findFirstOrThrow({ where: { userId: bob.id } })).remindersOffAt).toBeNull();

    const answer = await oneClick(token);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ reminders: false });
    expect((await t.db.groupMember.findFirstOrThrow({ where: { userId: bob.id } })).remindersOffAt).not.toBeNull();

    // The next session's reminder goes to Ada only.
    sink.accepted.length = 0;
    expect((await run(new Date("2026-10-28T20:00:00Z"))).sent).toBe(1);
    expect(sink.accepted.map((message) => message.to)).toEqual(["ada@example.com"]);
  });

  it("a claim left by a run that died is sent again once its lease has passed, not before", async () => {
    const { ada, bob, sessionId } = await groupWithMembers();
    await t.db.sessionReminder.createMany({
      data: [
        { sessionId, userId: ada.id, claimedBy: "dead-run", claimedAt: new Date(NOW.getTime() - 20 * 60_000) },
        { sessionId, userId: bob.id, claimedBy: "slow-run", claimedAt: new Date(NOW.getTime() - 60_000) },
      ],
    });
    const report = await run();
    expect(report.sent).toBe(1);
    expect(sink.accepted.map((message) => message.to)).toEqual(["ada@example.com"]);
    expect(await t.db.sessionReminder.findUniqueOrThrow({ where: { sessionId_userId: { sessionId, userId: ada.id } } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
    expect(await t.db.sessionReminder.findUniqueOrThrow({ where: { sessionId_userId: { sessionId, userId: bob.id } } })).toMatchObject({
      status: "SENDING",
      claimedBy: "slow-run",
    });
  });
});
