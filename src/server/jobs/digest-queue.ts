import "server-only";
import { randomUUID } from "node:crypto";
import type { Cadence } from "@/lib/subscription";
import type { Db } from "@/server/db";

// The delivery table is the queue. A row moves PENDING -> SENDING (claimed, before the SMTP
// transaction) -> SENT / RETRY / FAILED / SKIPPED (after it). Claims are single UPDATE statements
// over rows picked with FOR UPDATE SKIP LOCKED, so concurrent runs never claim the same row.

export interface DigestRow {
  id: string;
  cadence: Cadence;
  periodKey: string;
}

/** The digest of a cadence and period; concurrent runs all get the same row (unique key). */
export async function ensureDigest(db: Db, cadence: Cadence, periodKey: string): Promise<DigestRow> {
  await db.$executeRaw`
    INSERT INTO "Digest" (id, cadence, "periodKey")
    VALUES (${randomUUID()}, ${cadence}::"DigestCadence", ${periodKey})
    ON CONFLICT (cadence, "periodKey") DO NOTHING`;
  return db.digest.findUniqueOrThrow({ where: { cadence_periodKey: { cadence, periodKey } }, select: { id: true, cadence: true, periodKey: true } });
}

/**
 * Adds a PENDING delivery for every confirmed subscriber of the cadence who has none for this
 * digest yet, walking subscribers by id in batches inside the database (nothing is loaded here).
 */
export async function enqueueDeliveries(db: Db, digest: DigestRow, batchSize: number): Promise<number> {
  let cursor = "";
  let added = 0;
  for (;;) {
    const [step] = await db.$queryRaw<{ lastId: string | null; inserted: number }[]>`
      WITH batch AS (
        SELECT id FROM "Subscriber"
        WHERE status = 'CONFIRMED' AND cadence = ${digest.cadence}::"DigestCadence" AND id > ${cursor}
        ORDER BY id
        LIMIT ${batchSize}
      ), inserted AS (
        INSERT INTO "DigestDelivery" (id, "digestId", "subscriberId", "paperIds")
        SELECT gen_random_uuid()::text, ${digest.id}, batch.id, '{}' FROM batch
        ON CONFLICT ("digestId", "subscriberId") DO NOTHING
        RETURNING 1
      )
      SELECT (SELECT max(id) FROM batch) AS "lastId", (SELECT count(*) FROM inserted)::int AS inserted`;
    if (!step?.lastId) return added;
    added += step.inserted;
    cursor = step.lastId;
  }
}

/** Digests of the cadence with deliveries still to send (a crashed or failing run leaves some). */
export async function openDigests(db: Db, cadence: Cadence): Promise<DigestRow[]> {
  return db.$queryRaw<DigestRow[]>`
    SELECT g.id, g.cadence::text AS cadence, g."periodKey" FROM "Digest" g
    WHERE g.cadence = ${cadence}::"DigestCadence"
      AND EXISTS (SELECT 1 FROM "DigestDelivery" d WHERE d."digestId" = g.id AND d.status IN ('PENDING', 'SENDING', 'RETRY'))
    ORDER BY g."createdAt", g.id`;
}

export interface ClaimedDelivery {
  id: string;
  subscriberId: string;
  /** Including this one. */
  attempts: number;
  email: string;
  subscriberStatus: "PENDING" | "CONFIRMED" | "UNSUBSCRIBED";
  manageToken: string;
}

export interface ClaimOptions {
  limit: number;
  now: Date;
  /** A SENDING claim older than this belongs to a run that died; it may be taken over. */
  leaseMs: number;
  maxAttempts: number;
  claimedBy: string;
}

/** Takes up to `limit` deliveries that are due: new, due for retry, or abandoned by a dead run. */
export async function claimDeliveries(db: Db, digestId: string, options: ClaimOptions): Promise<ClaimedDelivery[]> {
  const leaseExpired = new Date(options.now.getTime() - options.leaseMs);
  return db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "DigestDelivery" d
    SET status = 'SENDING', "claimedAt" = ${options.now}, "claimedBy" = ${options.claimedBy}, attempts = d.attempts + 1
    FROM (
      SELECT id FROM "DigestDelivery"
      WHERE "digestId" = ${digestId}
        AND (status = 'PENDING'
          OR (status = 'RETRY' AND "nextAttemptAt" <= ${options.now})
          OR (status = 'SENDING' AND "claimedAt" <= ${leaseExpired} AND attempts < ${options.maxAttempts}))
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    ) picked, "Subscriber" s
    WHERE d.id = picked.id AND s.id = d."subscriberId"
    RETURNING d.id, d."subscriberId", d.attempts, s.email, s.status::text AS "subscriberStatus", s."manageToken"`;
}

/**
 * A claim abandoned on its last attempt is not retried: the run may have handed the message to
 * the SMTP server before dying, and the attempt budget is spent.
 */
export async function failAbandonedLastAttempts(db: Db, digestId: string, options: Pick<ClaimOptions, "now" | "leaseMs" | "maxAttempts">) {
  return db.$queryRaw<{ id: string; subscriberId: string; email: string; attempts: number; lastError: string }[]>`
    UPDATE "DigestDelivery" d
    SET status = 'FAILED', "lastError" = 'The run sending the last attempt stopped before recording its outcome.'
    FROM "Subscriber" s
    WHERE d."digestId" = ${digestId} AND s.id = d."subscriberId" AND d.status = 'SENDING'
      AND d."claimedAt" <= ${new Date(options.now.getTime() - options.leaseMs)} AND d.attempts >= ${options.maxAttempts}
    RETURNING d.id, d."subscriberId", s.email, d.attempts, d."lastError"`;
}

/** Which of `paperIds` each subscriber was already sent. */
export async function loadSentPapers(db: Db, subscriberIds: string[], paperIds: string[]): Promise<Map<string, Set<string>>> {
  const rows = await db.sentPaper.findMany({
    where: { subscriberId: { in: subscriberIds }, paperId: { in: paperIds } },
    select: { subscriberId: true, paperId: true },
  });
  const sent = new Map<string, Set<string>>();
  for (const row of rows) {
    const papers = sent.get(row.subscriberId) ?? new Set<string>();
    papers.add(row.paperId);
    sent.set(row.subscriberId, papers);
  }
  return sent;
}

/** Marks the delivery sent and remembers its papers for this subscriber, in one statement. */
export async function recordSent(db: Db, deliveryId: string, sent: { messageId: string; paperIds: string[]; at: Date }): Promise<void> {
  await db.$executeRaw`
    WITH delivered AS (
      UPDATE "DigestDelivery"
      SET status = 'SENT', "sentAt" = ${sent.at}, "messageId" = ${sent.messageId}, "paperIds" = ${sent.paperIds}::text[], "lastError" = NULL, "nextAttemptAt" = NULL
      WHERE id = ${deliveryId}
      RETURNING "subscriberId"
    )
    INSERT INTO "SentPaper" ("subscriberId", "paperId", "sentAt")
    SELECT delivered."subscriberId", paper_id, ${sent.at} FROM delivered, unnest(${sent.paperIds}::text[]) AS paper_id
    ON CONFLICT DO NOTHING`;
}

export async function recordSkipped(db: Db, deliveryIds: string[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  await db.digestDelivery.updateMany({ where: { id: { in: deliveryIds } }, data: { status: "SKIPPED", nextAttemptAt: null } });
}

export async function recordFailure(db: Db, deliveryId: string, failure: { error: string; retryAt: Date | null }): Promise<void> {
  // updateMany: the row is gone if the subscriber deleted their account while the send failed.
  await db.digestDelivery.updateMany({
    where: { id: deliveryId },
    data: failure.retryAt
      ? { status: "RETRY", lastError: failure.error, nextAttemptAt: failure.retryAt }
      : { status: "FAILED", lastError: failure.error, nextAttemptAt: null },
  });
}

/** Stamps digests of the cadence that have nothing left to send. */
export async function finishDigests(db: Db, cadence: Cadence, now: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "Digest" g SET "finishedAt" = ${now}
    WHERE g.cadence = ${cadence}::"DigestCadence" AND g."finishedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "DigestDelivery" d WHERE d."digestId" = g.id AND d.status IN ('PENDING', 'SENDING', 'RETRY'))`;
}

/** Deliveries of the cadence still waiting: retries not yet due, or claimed by another run. */
export async function countOpenDeliveries(db: Db, cadence: Cadence): Promise<number> {
  return db.digestDelivery.count({ where: { digest: { cadence }, status: { in: ["PENDING", "SENDING", "RETRY"] } } });
}
