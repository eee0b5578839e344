import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { duePeriod, periodFromKey, type DigestPeriod } from "@/lib/digest-period";
import { loadDigestCandidates, selectDigestPapers } from "@/server/digest/candidates";
import { runWorkers } from "@/server/digest/concurrency";
import { deliver, noteFailure } from "@/server/digest/deliver";
import type { RunContext, TrendingDigestOptions, TrendingDigestReport } from "@/server/digest/digest-run";
import { createDigestEmailRenderer, type DigestPaper } from "@/server/digest/email";
import type { DigestMailContext } from "@/server/digest/message";
import {
  claimDeliveries,
  countOpenDeliveries,
  enqueueDeliveries,
  ensureDigest,
  failAbandonedLastAttempts,
  finishDigests,
  loadSentPapers,
  openDigests,
  recordSkipped,
  type DigestRow,
} from "@/server/digest/queue";
import { expireUnconfirmedSubscriptions } from "@/server/subscriptions/expire";
import { subscriptionLinks } from "@/server/subscriptions/links";

// Delivery guarantee. Every delivery is claimed (SENDING, committed), then marked handed off right
// before its SMTP transaction, then recorded (SENT) right after it, so reruns and concurrent runs
// never send a served subscriber again. A claim never handed off was never attempted: after a
// 30-second grace another run may take it, and the hand-off mark is conditional on still holding
// the claim, so only one run can ever send it. The one window left is a process dying after the
// SMTP server accepted a message and before SENT was written: that claim waits until its lease
// expires, then a later run sends it again (at-least-once in that window, rather than risking a
// subscriber silently getting nothing). The resend carries the same Message-ID and
// X-Idempotency-Key, so receivers that deduplicate show one message. The lease must outlast one
// SMTP transaction at nodemailer's timeouts (about a minute at worst): 15 minutes.

export const DIGEST_DEFAULTS = {
  digestSize: 10,
  concurrency: 5,
  claimBatchSize: 10,
  enqueueBatchSize: 1000,
  maxAttempts: 5,
  leaseMs: 15 * 60_000,
  // A claimed batch is handed to SMTP within seconds by a live run; one that is not was orphaned.
  claimGraceMs: 30_000,
  // 1 min, 5 min, 25 min, ~2 h: a flaky server gets time to recover across a day of cron runs.
  retryDelayMs: (attempt: number) => 60_000 * 5 ** (attempt - 1),
} as const;

export async function runTrendingDigest(options: TrendingDigestOptions): Promise<TrendingDigestReport> {
  const { db, cadence } = options;
  const startedAt = options.now();
  const due = duePeriod(cadence, startedAt);
  const context: RunContext = {
    db,
    mailer: options.mailer,
    now: options.now,
    siteUrl: options.siteUrl,
    links: subscriptionLinks(options.siteUrl),
    settings: {
      digestSize: options.digestSize ?? DIGEST_DEFAULTS.digestSize,
      concurrency: options.concurrency ?? DIGEST_DEFAULTS.concurrency,
      claimBatchSize: options.claimBatchSize ?? DIGEST_DEFAULTS.claimBatchSize,
      enqueueBatchSize: options.enqueueBatchSize ?? DIGEST_DEFAULTS.enqueueBatchSize,
      maxAttempts: options.maxAttempts ?? DIGEST_DEFAULTS.maxAttempts,
      leaseMs: options.leaseMs ?? DIGEST_DEFAULTS.leaseMs,
      claimGraceMs: options.claimGraceMs ?? DIGEST_DEFAULTS.claimGraceMs,
      retryDelayMs: options.retryDelayMs ?? DIGEST_DEFAULTS.retryDelayMs,
    },
    runId: options.runId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    deadline: startedAt.getTime() + (options.timeBudgetMs ?? Number.POSITIVE_INFINITY),
    report: {
      cadence: cadence === "DAILY" ? "daily" : "weekly",
      period: due?.key ?? null,
      covers: due ? { firstDay: due.firstDay, lastDay: due.lastDay } : null,
      papers: 0,
      sent: 0,
      skipped: 0,
      retried: 0,
      failed: 0,
      remaining: 0,
      expiredSubscriptions: await expireUnconfirmedSubscriptions(db, startedAt),
      failures: [],
    },
  };

  const candidatesByKey = new Map<string, DigestPaper[]>();
  if (due) {
    const candidates = await loadDigestCandidates(db, due);
    context.report.papers = candidates.length;
    if (candidates.length > 0) {
      candidatesByKey.set(due.key, candidates);
      const digest = await ensureDigest(db, cadence, due.key);
      const added = await enqueueDeliveries(db, digest, context.settings.enqueueBatchSize);
      // Someone confirmed after the digest went out: it is open again until they are served.
      if (added > 0) await db.digest.updateMany({ where: { id: digest.id, finishedAt: { not: null } }, data: { finishedAt: null } });
    } else {
      // Nothing was added in the period: no digest, so a run after a late import can still send.
      context.report.skipped += await db.subscriber.count({ where: { status: "CONFIRMED", cadence } });
    }
  }

  for (const digest of await openDigests(db, cadence)) {
    const period = periodFromKey(cadence, digest.periodKey);
    if (!period) continue;
    const candidates = candidatesByKey.get(digest.periodKey) ?? (await loadDigestCandidates(db, period));
    await sendDigest(context, digest, period, candidates);
  }

  await finishDigests(db, cadence, options.now());
  context.report.remaining = await countOpenDeliveries(db, cadence);
  return context.report;
}

async function sendDigest(context: RunContext, digest: DigestRow, period: DigestPeriod, candidates: DigestPaper[]): Promise<void> {
  const { db, settings, report } = context;
  const abandoned = await failAbandonedLastAttempts(db, digest.id, {
    now: context.now(),
    leaseMs: settings.leaseMs,
    maxAttempts: settings.maxAttempts,
  });
  for (const row of abandoned)
    noteFailure(report, { subscriberId: row.subscriberId, email: row.email, attempts: row.attempts, error: row.lastError });

  const candidateIds = candidates.map((paper) => paper.id);
  const mailContext: DigestMailContext = {
    period,
    render: createDigestEmailRenderer({ period, siteUrl: context.links.home, paperUrl: context.links.paper }),
    links: context.links,
    siteUrl: context.siteUrl,
  };
  await runWorkers(settings.concurrency, async () => {
    while (context.now().getTime() < context.deadline) {
      const claimed = await claimDeliveries(db, digest.id, {
        limit: settings.claimBatchSize,
        now: context.now(),
        leaseMs: settings.leaseMs,
        claimGraceMs: settings.claimGraceMs,
        maxAttempts: settings.maxAttempts,
        claimedBy: context.runId,
      });
      if (claimed.length === 0) return;
      const alreadySent = await loadSentPapers(
        db,
        claimed.map((delivery) => delivery.subscriberId),
        candidateIds,
      );
      const skipped: string[] = [];
      for (const delivery of claimed) {
        const selection =
          delivery.subscriberStatus === "CONFIRMED"
            ? await selectDigestPapers(db, delivery, {
                period,
                candidates,
                alreadySent: alreadySent.get(delivery.subscriberId) ?? new Set(),
                size: settings.digestSize,
              })
            : { trending: [], followed: [] };
        if (selection.trending.length + selection.followed.length === 0) skipped.push(delivery.id);
        else await deliver(context, delivery, selection, mailContext);
      }
      await recordSkipped(db, skipped);
      report.skipped += skipped.length;
    }
  });
}
