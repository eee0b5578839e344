import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { emailAddressSchema } from "@/lib/email-address";
import { queryRows, type Db } from "@/server/db";
import { runWorkers } from "@/server/digest/concurrency";
import type { Mailer } from "@/server/email/mailer";
import { reminderEmail } from "@/server/groups/reminder-email";
import { reminderUnsubscribeToken } from "@/server/groups/reminder-token";

// Delivery guarantee. A reminder is claimed by inserting its SessionReminder row (status SENDING):
// the primary key (sessionId, userId) makes that insert the claim, so of two runs at once, or a
// rerun, only one gets the row and sends. The claim is taken right before its SMTP transaction and
// the row is marked SENT right after it, so a member gets one reminder per session. The one window
// left is a process dying between the SMTP server accepting the message and SENT being written:
// that row stays SENDING, and once its lease has passed a later run (while the session is still
// ahead) takes it over and sends again: at least once in that window, rather than a member silently
// getting nothing. The resend carries the same Message-ID, so receivers that deduplicate show one
// message. The lease outlasts one SMTP transaction at nodemailer's timeouts (about a minute at
// worst): 15 minutes. A failed send is FAILED and retried by later runs, up to three attempts.

export const REMINDER_DEFAULTS = {
  // Sessions starting within this of the run. Run hourly (recommended), a session's reminder goes
  // out about a day before it; run daily, within the day before it. Either way once, by the ledger.
  windowMs: 24 * 3_600_000,
  leaseMs: 15 * 60_000,
  maxAttempts: 3,
  concurrency: 4,
  // Bounds one run's work; whatever is left is still in the window for the next run.
  sessionLimit: 500,
  membersPerBatch: 500,
} as const;

export interface SessionRemindersOptions {
  db: Db;
  mailer: Mailer;
  /** The clock: decides the window and the leases. */
  now: () => Date;
  /** The base of links in the email. */
  siteUrl: string;
  /** Signs the one-click unsubscribe links (NEXTAUTH_SECRET in the app). */
  signingSecret: string;
  windowMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  concurrency?: number;
  /** Recorded in claims, to tell runs apart when debugging. */
  runId?: string;
}

export interface SessionRemindersReport {
  /** Sessions starting within the window. */
  sessions: number;
  sent: number;
  /** Sends that failed this time (retried by later runs while attempts remain). */
  failed: number;
  failures: { sessionId: string; userId: string; error: string }[];
}

const LISTED_FAILURES = 100;

type DueSession = Awaited<ReturnType<typeof loadDueSessions>>[number];

function loadDueSessions(db: Db, now: Date, windowMs: number) {
  return db.groupSession.findMany({
    where: { startsAt: { gt: now, lte: new Date(now.getTime() + windowMs) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: REMINDER_DEFAULTS.sessionLimit,
    select: {
      id: true,
      groupId: true,
      startsAt: true,
      timeZone: true,
      durationMinutes: true,
      presenter: true,
      location: true,
      group: { select: { name: true, slug: true, timeZone: true } },
      papers: {
        where: { paper: { hiddenAt: null } },
        orderBy: { position: "asc" },
        select: { paper: { select: { id: true, title: true } } },
      },
      _count: { select: { questions: true } },
    },
  });
}

/**
 * Members of the session's group who want reminders and have not been served: no ledger row, a
 * SENDING row whose lease has passed, or a FAILED row with attempts left. Paged by user id.
 */
async function dueMembers(db: Db, session: DueSession, settings: Settings, now: Date, after: string | null) {
  const leaseExpired = new Date(now.getTime() - settings.leaseMs);
  return db.groupMember.findMany({
    where: {
      groupId: session.groupId,
      remindersOffAt: null,
      user: {
        email: { not: null },
        sessionReminders: {
          none: {
            sessionId: session.id,
            OR: [
              { status: "SENT" },
              { status: "SENDING", claimedAt: { gt: leaseExpired } },
              { status: "FAILED", attempts: { gte: settings.maxAttempts } },
            ],
          },
        },
      },
      ...(after ? { userId: { gt: after } } : {}),
    },
    orderBy: { userId: "asc" },
    take: REMINDER_DEFAULTS.membersPerBatch,
    select: { userId: true, user: { select: { email: true } } },
  });
}

interface Settings {
  leaseMs: number;
  maxAttempts: number;
  runId: string;
}

const claimedRow = z.object({ attempts: z.number() });

/**
 * Claims one member's reminder for this run, checking in the same statement that they still want
 * reminders: a new row, or a row left by a run that died (lease passed) or that failed with
 * attempts left. False when another run holds or has served it.
 */
async function claimReminder(db: Db, sessionId: string, userId: string, settings: Settings, now: Date): Promise<boolean> {
  const wantsReminders = Prisma.sql`EXISTS (
    SELECT 1 FROM "GroupMember" m JOIN "GroupSession" s ON s."groupId" = m."groupId"
    WHERE s."id" = ${sessionId} AND m."userId" = ${userId} AND m."remindersOffAt" IS NULL)`;
  // Raw: insert-on-conflict-do-nothing is the claim; Prisma's createMany cannot say whether it inserted this row.
  const inserted = await queryRows(
    db,
    claimedRow,
    Prisma.sql`
      INSERT INTO "SessionReminder" ("sessionId", "userId", "status", "claimedBy", "claimedAt", "attempts")
      SELECT ${sessionId}, ${userId}, 'SENDING', ${settings.runId}, ${now}, 1 WHERE ${wantsReminders}
      ON CONFLICT DO NOTHING
      RETURNING "attempts"`,
  );
  if (inserted.length > 0) return true;
  const leaseExpired = new Date(now.getTime() - settings.leaseMs);
  // Raw: the takeover's condition and the member's wish are checked in the statement that takes it,
  // so two runs taking over the same row cannot both win.
  const retaken = await queryRows(
    db,
    claimedRow,
    Prisma.sql`
      UPDATE "SessionReminder"
      SET "status" = 'SENDING', "claimedBy" = ${settings.runId}, "claimedAt" = ${now}, "attempts" = "attempts" + 1
      WHERE "sessionId" = ${sessionId} AND "userId" = ${userId}
        AND (("status" = 'SENDING' AND "claimedAt" <= ${leaseExpired})
          OR ("status" = 'FAILED' AND "attempts" < ${settings.maxAttempts}))
        AND ${wantsReminders}
      RETURNING "attempts"`,
  );
  return retaken.length > 0;
}

interface RunContext {
  options: SessionRemindersOptions;
  settings: Settings;
  report: SessionRemindersReport;
}

async function remind(context: RunContext, session: DueSession, member: { userId: string; email: string }): Promise<void> {
  const { db, siteUrl } = context.options;
  const key = { sessionId: session.id, userId: member.userId };
  const fail = async (error: string) => {
    await db.sessionReminder.updateMany({ where: key, data: { status: "FAILED", lastError: error.slice(0, 500) } });
    context.report.failed += 1;
    if (context.report.failures.length < LISTED_FAILURES) context.report.failures.push({ ...key, error });
  };
  if (!(await claimReminder(db, session.id, member.userId, context.settings, context.options.now()))) return;
  // Checked again as the digest does: a row changed behind the app's back (`victim@x\r\nBcc: ...`) is failed, never sent.
  const address = emailAddressSchema.safeParse(member.email);
  if (!address.success) return fail(`The stored address is not valid (${address.error.issues[0]?.message}); nothing was sent.`);
  const url = (path: string) => new URL(path, siteUrl).toString();
  const host = new URL(siteUrl).hostname;
  const token = reminderUnsubscribeToken(context.options.signingSecret, { groupId: session.groupId, userId: member.userId });
  try {
    await context.options.mailer.send(
      reminderEmail({
        to: address.data,
        group: session.group,
        session,
        papers: session.papers.map(({ paper }) => ({ title: paper.title, url: url(`/papers/${paper.id}`) })),
        questionCount: session._count.questions,
        sessionUrl: url(`/groups/${session.group.slug}/sessions/${session.id}`),
        unsubscribeUrl: url(`/api/groups/reminders/unsubscribe/${token}`),
        host,
        messageId: `reminder-${session.id}-${member.userId}@${host}`,
      }),
    );
  } catch (error) {
    const code = error instanceof Error ? (error as { responseCode?: number }).responseCode : undefined;
    return fail((code ? `SMTP ${code}: ` : "") + (error instanceof Error ? error.message : String(error)));
  }
  await db.sessionReminder.updateMany({ where: key, data: { status: "SENT", sentAt: context.options.now(), lastError: null } });
  context.report.sent += 1;
}

/** Emails every member who wants them a reminder of each session starting within the window, once. */
export async function sendSessionReminders(options: SessionRemindersOptions): Promise<SessionRemindersReport> {
  const now = options.now();
  const settings: Settings = {
    leaseMs: options.leaseMs ?? REMINDER_DEFAULTS.leaseMs,
    maxAttempts: options.maxAttempts ?? REMINDER_DEFAULTS.maxAttempts,
    runId: options.runId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  };
  const sessions = await loadDueSessions(options.db, now, options.windowMs ?? REMINDER_DEFAULTS.windowMs);
  const context: RunContext = { options, settings, report: { sessions: sessions.length, sent: 0, failed: 0, failures: [] } };
  for (const session of sessions) {
    let after: string | null = null;
    for (;;) {
      const batch = await dueMembers(options.db, session, settings, options.now(), after);
      if (batch.length === 0) break;
      after = batch.at(-1)!.userId;
      const queue = batch.map((member) => ({ userId: member.userId, email: member.user.email! }));
      await runWorkers(options.concurrency ?? REMINDER_DEFAULTS.concurrency, async () => {
        for (let member = queue.shift(); member; member = queue.shift()) await remind(context, session, member);
      });
      if (batch.length < REMINDER_DEFAULTS.membersPerBatch) break;
    }
  }
  return context.report;
}
