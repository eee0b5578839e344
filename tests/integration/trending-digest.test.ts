import { spawn } from "node:child_process";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TrendingDigestOptions } from "@/server/digest/digest-run";
import { DIGEST_DEFAULTS, runTrendingDigest } from "@/server/digest/trending-digest";
import { createSmtpMailer, type Mailer } from "@/server/email/mailer";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { createConfirmedSubscriber } from "../support/accounts";
import { HF_FIXTURES, PROJECT_DIR } from "../support/fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { useTestDatabase } from "../support/test-db";

const SITE_URL = "https://papers.example.org";
// A Wednesday: the daily digest covers Tuesday 2026-06-16, the fixtures' 34-paper day.
const WEDNESDAY = new Date("2026-06-17T07:00:00Z");
const MINUTE = 60_000;

const t = useTestDatabase();
let smtp: TestSmtpServer;
const mailers: Mailer[] = [];

function pooledMailer(): Mailer {
  const mailer = createSmtpMailer(smtp.url, "Daily Papers <papers@example.org>", { pool: true, maxConnections: 5 });
  mailers.push(mailer);
  return mailer;
}

function runDigest(overrides: Partial<TrendingDigestOptions> = {}) {
  return runTrendingDigest({
    db: t.db,
    now: () => WEDNESDAY,
    cadence: "DAILY",
    siteUrl: SITE_URL,
    ...overrides,
    mailer: overrides.mailer ?? pooledMailer(),
  });
}

/** A header exactly as sent (mailparser turns some, like List-*, into structures). */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines
    .find((line) => line.key === name)
    ?.line.replace(/^[^:]+:\s*/, "")
    .replace(/\r?\n\s+/g, " ");
}

async function addSubscribers(
  count: number,
  options: { prefix?: string; status?: "PENDING" | "CONFIRMED" | "UNSUBSCRIBED"; cadence?: "DAILY" | "WEEKLY" } = {},
) {
  const prefix = options.prefix ?? "reader";
  const rows = Array.from({ length: count }, (_, index) => ({
    email: `${prefix}${index}@example.com`,
    status: options.status ?? "CONFIRMED",
    cadence: options.cadence ?? "DAILY",
    manageToken: `${prefix}-token-${index}`.padEnd(43, "x"),
    confirmedAt: options.status === "PENDING" ? null : new Date("2026-06-01T00:00:00Z"),
    confirmExpiresAt: options.status === "PENDING" ? new Date("2026-06-18T00:00:00Z") : null,
  }));
  await t.db.subscriber.createMany({ data: rows });
  return rows.map((row) => row.email);
}

function expectEachServedOnce(addresses: string[]) {
  for (const address of addresses) expect(smtp.acceptedFor(address), address).toHaveLength(1);
}

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  smtp = await startTestSmtpServer();
});

beforeEach(async () => {
  for (const mailer of mailers.splice(0)) mailer.close();
  smtp.accepted.length = 0;
  smtp.behaviour = {};
  await t.db.digest.deleteMany();
  await t.db.subscriber.deleteMany();
});

afterAll(async () => {
  for (const mailer of mailers) mailer.close();
  await smtp.close();
});

/**
 * Runs `npm run digest` in a child process until the SMTP server has accepted `accepted` messages
 * and holds the next ones unanswered, then kills it with SIGKILL mid-send.
 */
async function killDigestCliAfter(accepted: number) {
  let seen = 0;
  smtp.behaviour = { holdMessages: () => ++seen > accepted };
  // Node itself with tsx as a loader (not the tsx CLI, which would leave its node child running).
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/digest.ts", "--cadence", "daily", "--now", WEDNESDAY.toISOString()],
    {
      cwd: PROJECT_DIR,
      env: { ...process.env, DATABASE_URL: t.url, SMTP_URL: smtp.url, NEXTAUTH_URL: SITE_URL, DIGEST_CONCURRENCY: "3" },
      stdio: "ignore",
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  await smtp.waitForAccepted(accepted);
  // Every accepted message has been recorded and the next ones are stuck in the SMTP transaction.
  await expect.poll(() => t.db.digestDelivery.count({ where: { status: "SENT" } }), { timeout: 15_000 }).toBe(accepted);
  await expect.poll(() => t.db.digestDelivery.count({ where: { status: "SENDING" } }), { timeout: 15_000 }).toBeGreaterThan(0);
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  smtp.behaviour = {};
}

describe("runTrendingDigest", () => {
  it("sends exactly one digest to each confirmed subscriber of the cadence and none to anyone else", async () => {
    const confirmed = await addSubscribers(12);
    await addSubscribers(3, { prefix: "pending", status: "PENDING" });
    await addSubscribers(2, { prefix: "gone", status: "UNSUBSCRIBED" });
    await addSubscribers(2, { prefix: "weekly", cadence: "WEEKLY" });

    const report = await runDigest();

    expect(report).toMatchObject({
      cadence: "daily",
      period: "2026-06-17",
      papers: 34,
      sent: 12,
      skipped: 0,
      retried: 0,
      failed: 0,
      remaining: 0,
    });
    expect(smtp.accepted).toHaveLength(12);
    expectEachServedOnce(confirmed);
    expect(await t.db.sentPaper.count()).toBe(12 * DIGEST_DEFAULTS.digestSize);
    expect(await t.db.digest.findFirst({ select: { finishedAt: true } })).toEqual({ finishedAt: WEDNESDAY });
  });

  it("carries both parts, the date, one-click unsubscribe headers, a stable Message-ID and an idempotency key", async () => {
    const [address] = await addSubscribers(1);
    await runDigest();

    const subscriber = await t.db.subscriber.findUniqueOrThrow({ where: { email: address } });
    const delivery = await t.db.digestDelivery.findFirstOrThrow({ where: { subscriberId: subscriber.id } });
    const { mail } = smtp.acceptedFor(address!)[0]!;
    expect(mail.subject).toBe("Trending papers · Wed, Jun 17, 2026");
    expect(rawHeader(mail, "list-unsubscribe")).toBe(`<${SITE_URL}/api/unsubscribe/${subscriber.manageToken}>`);
    expect(rawHeader(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(rawHeader(mail, "x-idempotency-key")).toBe(`digest:daily:2026-06-17:${subscriber.id}`);
    expect(mail.messageId).toBe(`<digest.${delivery.id}@papers.example.org>`);
    expect(delivery).toMatchObject({ status: "SENT", attempts: 1, messageId: `digest.${delivery.id}@papers.example.org` });

    // The ten papers of Tuesday's feed, in trending order, in both parts.
    expect(delivery.paperIds).toHaveLength(10);
    const html = String(mail.html);
    const text = mail.text ?? "";
    for (const paperId of delivery.paperIds) {
      expect(html).toContain(`${SITE_URL}/papers/${paperId}`);
      expect(text).toContain(`${SITE_URL}/papers/${paperId}`);
    }
    expect(html).toContain(`${SITE_URL}/preferences/${subscriber.manageToken}`);
    expect(text).toContain(`Unsubscribe: ${SITE_URL}/api/unsubscribe/${subscriber.manageToken}`);
    expect(html).toMatch(/prefers-color-scheme: dark/);
    const papers = await t.db.paper.findMany({ where: { id: { in: delivery.paperIds } } });
    const votes = new Map(papers.map((paper) => [paper.id, paper.upstreamUpvotes + paper.localUpvotes]));
    const ordered = delivery.paperIds.map((id) => votes.get(id)!);
    expect(ordered[0]).toBe(Math.max(...ordered));
  });

  it("sends nothing on a second run in the same period, and nothing when the period has no papers", async () => {
    const addresses = await addSubscribers(5);
    expect((await runDigest()).sent).toBe(5);
    expect(await runDigest()).toMatchObject({ sent: 0, skipped: 0, remaining: 0 });
    expect(await runDigest({ now: () => new Date("2026-06-18T07:00:00Z") })).toMatchObject({
      period: "2026-06-18",
      papers: 0,
      sent: 0,
      skipped: 5,
    });
    expectEachServedOnce(addresses);
    expect(await runDigest({ now: () => new Date("2026-06-20T07:00:00Z") })).toMatchObject({ period: null, sent: 0 });
  });

  it("never repeats a paper and skips subscribers who have already been sent everything", async () => {
    const [partly, fully] = await addSubscribers(2);
    const candidates = await t.db.paper.findMany({ where: { feedDate: new Date("2026-06-16T00:00:00Z") }, select: { id: true } });
    const [partlyRow, fullyRow] = await Promise.all(
      [partly, fully].map((email) => t.db.subscriber.findUniqueOrThrow({ where: { email } })),
    );
    const firstRun = await runDigest({ cadence: "DAILY", now: () => WEDNESDAY, digestSize: 3 });
    expect(firstRun.sent).toBe(2);
    const alreadySent = (await t.db.digestDelivery.findFirstOrThrow({ where: { subscriberId: partlyRow!.id } })).paperIds;
    await t.db.sentPaper.createMany({
      data: candidates.map((paper) => ({ subscriberId: fullyRow!.id, paperId: paper.id })),
      skipDuplicates: true,
    });

    // The weekly digest of the same week covers Tuesday too; switching cadence must not repeat papers.
    await t.db.subscriber.updateMany({ data: { cadence: "WEEKLY" } });
    const weekly = await runDigest({ cadence: "WEEKLY", now: () => new Date("2026-06-22T07:00:00Z"), digestSize: 50 });
    expect(weekly).toMatchObject({ period: "2026-W26", sent: 1, skipped: 1 });
    const weeklyDelivery = await t.db.digestDelivery.findFirstOrThrow({
      where: { subscriberId: partlyRow!.id, digest: { cadence: "WEEKLY" } },
    });
    expect(weeklyDelivery.paperIds.filter((id) => alreadySent.includes(id))).toEqual([]);
    expect(smtp.acceptedFor(fully!)).toHaveLength(1);
  });

  it("sends once per subscriber when five runs race", async () => {
    const addresses = await addSubscribers(60);
    const reports = await Promise.all(Array.from({ length: 5 }, () => runDigest({ concurrency: 3, claimBatchSize: 4 })));
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(60);
    expect(smtp.accepted).toHaveLength(60);
    expectEachServedOnce(addresses);
    expect(await t.db.digest.count()).toBe(1);
    expect(await t.db.digestDelivery.count({ where: { status: "SENT" } })).toBe(60);
  });

  it("retries recipients the SMTP server refused, with backoff, until each is served exactly once", async () => {
    const addresses = await addSubscribers(20);
    const flaky = new Set(addresses.slice(0, 6));
    smtp.behaviour = { rejectRecipient: (address) => (flaky.has(address) ? 451 : null) };

    const first = await runDigest();
    expect(first).toMatchObject({ sent: 14, retried: 6, failed: 0, remaining: 6 });
    const retry = await t.db.digestDelivery.findFirstOrThrow({ where: { status: "RETRY" } });
    expect(retry).toMatchObject({ attempts: 1, nextAttemptAt: new Date(WEDNESDAY.getTime() + MINUTE) });
    expect(retry.lastError).toMatch(/^SMTP 451/);

    // Before the backoff has passed a run leaves them alone.
    expect(await runDigest({ now: () => new Date(WEDNESDAY.getTime() + 30_000) })).toMatchObject({ sent: 0, remaining: 6 });

    smtp.behaviour = {};
    const recovered = await runDigest({ now: () => new Date(WEDNESDAY.getTime() + 2 * MINUTE) });
    expect(recovered).toMatchObject({ sent: 6, retried: 0, remaining: 0 });
    expect(smtp.accepted).toHaveLength(20);
    expectEachServedOnce(addresses);
  });

  it("marks a delivery failed after the last attempt and reports it", async () => {
    const [good, bad] = await addSubscribers(2);
    smtp.behaviour = { rejectRecipient: (address) => (address === bad ? 450 : null) };
    const options = { maxAttempts: 2, retryDelayMs: () => MINUTE };
    expect(await runDigest(options)).toMatchObject({ sent: 1, retried: 1, failed: 0 });
    const last = await runDigest({ ...options, now: () => new Date(WEDNESDAY.getTime() + 2 * MINUTE) });
    expect(last).toMatchObject({ sent: 0, retried: 0, failed: 1, remaining: 0 });
    expect(last.failures).toEqual([
      { subscriberId: expect.any(String), email: bad, attempts: 2, error: expect.stringMatching(/^SMTP 450/) },
    ]);
    expect(await runDigest({ ...options, now: () => new Date(WEDNESDAY.getTime() + 60 * MINUTE) })).toMatchObject({ sent: 0, failed: 0 });
    expect(smtp.acceptedFor(good!)).toHaveLength(1);
    expect(smtp.acceptedFor(bad!)).toHaveLength(0);
  });

  it("after a run is killed mid-send, a rerun serves the rest and nobody twice", async () => {
    const addresses = await addSubscribers(40);
    await killDigestCliAfter(15);

    // While the dead run's claims are within their lease, a rerun leaves the ones it handed to SMTP alone...
    const early = await runDigest({ now: () => new Date(WEDNESDAY.getTime() + MINUTE) });
    expect(early.remaining).toBeGreaterThan(0);
    // ...and takes them over once the lease has expired.
    const late = await runDigest({ now: () => new Date(WEDNESDAY.getTime() + DIGEST_DEFAULTS.leaseMs + MINUTE) });
    expect(late.remaining).toBe(0);
    expect(15 + early.sent + late.sent).toBe(40);
    expect(smtp.accepted).toHaveLength(40);
    expectEachServedOnce(addresses);
  });

  it("resends a message accepted just before a crash only after the lease, with the same Message-ID", async () => {
    const [address] = await addSubscribers(1);
    // The SMTP server accepts the message, but the run never gets to record it (as if it died then).
    const real = pooledMailer();
    const crashing: Mailer = { send: (mail) => real.send(mail).then(() => new Promise<never>(() => {})), close: () => real.close() };
    void runDigest({ mailer: crashing });
    await smtp.waitForAccepted(1);
    await expect.poll(() => t.db.digestDelivery.count({ where: { status: "SENDING" } })).toBe(1);

    expect(await runDigest({ now: () => new Date(WEDNESDAY.getTime() + 5 * MINUTE) })).toMatchObject({ sent: 0, remaining: 1 });
    expect(await runDigest({ now: () => new Date(WEDNESDAY.getTime() + DIGEST_DEFAULTS.leaseMs + MINUTE) })).toMatchObject({
      sent: 1,
      remaining: 0,
    });
    const copies = smtp.acceptedFor(address!);
    expect(copies).toHaveLength(2);
    expect(copies[1]!.messageId).toBe(copies[0]!.messageId);
    expect(rawHeader(copies[1]!.mail, "x-idempotency-key")).toBe(rawHeader(copies[0]!.mail, "x-idempotency-key"));
  });
});

describe("failures that must not be retried or sent", () => {
  it("a rerun takes claims the dead run never handed to SMTP at once; only handed-off ones wait for the lease", async () => {
    const addresses = await addSubscribers(40);
    await killDigestCliAfter(15);
    const handedOff = await t.db.digestDelivery.count({ where: { status: "SENDING", handedOffAt: { not: null } } });
    expect(handedOff).toBeGreaterThan(0);

    const soon = await runDigest({ now: () => new Date(WEDNESDAY.getTime() + MINUTE) });
    expect(soon).toMatchObject({ sent: 40 - 15 - handedOff, remaining: handedOff });
    const late = await runDigest({ now: () => new Date(WEDNESDAY.getTime() + DIGEST_DEFAULTS.leaseMs + MINUTE) });
    expect(late).toMatchObject({ sent: handedOff, remaining: 0 });
    expectEachServedOnce(addresses);
  });

  it("a permanent SMTP refusal (5xx) is not retried, and the address gets no later edition", async () => {
    const [kept, gone] = await addSubscribers(2, { prefix: "bounce" });
    smtp.behaviour = { rejectRecipient: (address) => (address === gone ? 550 : null) };

    const report = await runDigest();
    expect(report).toMatchObject({ sent: 1, retried: 0, failed: 1, remaining: 0 });
    expect(report.failures).toEqual([expect.objectContaining({ email: gone, attempts: 1, error: expect.stringMatching(/^SMTP 550/) })]);
    expect(await t.db.subscriber.findUniqueOrThrow({ where: { email: gone } })).toMatchObject({
      status: "BOUNCED",
      bounceReason: expect.stringMatching(/550/),
    });

    // The digest of another day (Thursday's covers the fixtures' Wednesday) goes to the kept address only.
    smtp.behaviour = {};
    const next = await runDigest({ now: () => new Date("2026-06-11T07:00:00Z") });
    expect(next).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.acceptedFor(kept!)).toHaveLength(2);
    expect(smtp.acceptedFor(gone!)).toHaveLength(0);
  });

  it("re-validates each stored address right before sending: a planted header injection is failed, never sent", async () => {
    await createConfirmedSubscriber(t.db, "victim@example.com\r\nBcc: attacker@example.net");
    const [honest] = await addSubscribers(1, { prefix: "honest" });

    const report = await runDigest();
    expect(report).toMatchObject({ sent: 1, failed: 1 });
    expect(report.failures[0]?.error).toMatch(/stored address is not valid \(That address contains a line break\.\)/);
    expect(smtp.accepted.map((message) => message.to)).toEqual([honest]);
    expect(await t.db.digestDelivery.count({ where: { status: "FAILED" } })).toBe(1);
  });
});
