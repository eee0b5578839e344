import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { DigestContent, SubscriberStatus, type DeliveryStatus } from "@/generated/prisma/client";
import type { Cadence } from "@/lib/subscription";
import { queryRows, type Db } from "@/server/db";

// The delivery table is the queue. A row moves PENDING -> SENDING (claimed, before the SMTP
// transaction) -> SENT / RETRY / FAILED / SKIPPED (after it). Claims are single UPDATE statements
// over rows picked with FOR UPDATE SKIP LOCKED, so concurrent runs never claim the same row.

export interface DigestRow {
  id: string;
  cadence: Cadence;
  periodKey: string;
}

const DIGEST_ROW = { id: true, cadence: true, periodKey: true } as const;
const OPEN_STATUSES: DeliveryStatus[] = ["PENDING", "SENDING", "RETRY"];

/** The digest of a cadence and period; concurrent runs all get the same row (unique key). */
export async function ensureDigest(db: Db, cadence: Cadence, periodKey: string): Promise<DigestRow> {
  await db.digest.createMany({ data: [{ cadence, periodKey }], skipDuplicates: true });
  return db.digest.findUniqueOrThrow({ where: { cadence_periodKey: { cadence, periodKey } }, select: DIGEST_ROW });
}

/**
 * Adds a PENDING delivery for every confirmed subscriber of the cadence who has none for this
 * digest yet, walking subscribers by id in batches inside the database (nothing is loaded here).
 */
export async function enqueueDeliveries(db: Db, digest: DigestRow, batchSize: number): Promise<number> {
  let cursor = "";
  let added = 0;
  for (;;) {
    // Raw: a set-based insert of one batch of subscribers, walked by id inside the database.
    const [step] = await queryRows(
      db,
      enqueueStep,
      Prisma.sql`
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
        SELECT (SELECT max(id) FROM batch) AS "lastId", (SELECT count(*) FROM inserted)::int AS inserted`,
    );
    if (!step?.lastId) return added;
    added += step.inserted;
    cursor = step.lastId;
  }
}

const enqueueStep = z.object({ lastId: z.string().nullable(), inserted: z.number() });

/** Digests of the cadence with deliveries still to send (a crashed or failing run leaves some). */
export async function openDigests(db: Db, cadence: Cadence): Promise<DigestRow[]> {
  return db.digest.findMany({
    where: { cadence, deliveries: { some: { status: { in: OPEN_STATUSES } } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: DIGEST_ROW,
  });
}

const claimedDelivery = z.object({
  id: z.string(),
  subscriberId: z.string(),
  /** Including this one. */
  attempts: z.number(),
  email: z.string(),
  subscriberStatus: z.enum(SubscriberStatus),
  manageToken: z.string(),
  content: z.enum(DigestContent),
  userId: z.string().nullable(),
});

export type ClaimedDelivery = z.infer<typeof claimedDelivery>;

export interface ClaimOptions {
  limit: number;
  now: Date;
  /** A message handed to SMTP this long ago without an outcome belongs to a run that died. */
  leaseMs: number;
  /** A claim not handed to SMTP after this long was never attempted; another run may take it. */
  claimGraceMs: number;
  maxAttempts: number;
  claimedBy: string;
}

/**
 * Takes up to `limit` deliveries that are due: new, due for retry, claimed but never handed to
 * SMTP (after a short grace; that attempt does not count), or handed to SMTP by a run that died
 * (after the lease).
 */
export async function claimDeliveries(db: Db, digestId: string, options: ClaimOptions): Promise<ClaimedDelivery[]> {
  const leaseExpired = new Date(options.now.getTime() - options.leaseMs);
  const graceExpired = new Date(options.now.getTime() - options.claimGraceMs);
  // Raw: FOR UPDATE SKIP LOCKED, so concurrent runs never claim the same row.
  return queryRows(
    db,
    claimedDelivery,
    Prisma.sql`
      UPDATE "DigestDelivery" d
      SET status = 'SENDING', "claimedAt" = ${options.now}, "claimedBy" = ${options.claimedBy}, "handedOffAt" = NULL,
        attempts = CASE WHEN d.status = 'SENDING' AND d."handedOffAt" IS NULL THEN d.attempts ELSE d.attempts + 1 END
      FROM (
        SELECT id FROM "DigestDelivery"
        WHERE "digestId" = ${digestId}
          AND (status = 'PENDING'
            OR (status = 'RETRY' AND "nextAttemptAt" <= ${options.now})
            OR (status = 'SENDING' AND "handedOffAt" IS NULL AND "claimedAt" <= ${graceExpired})
            OR (status = 'SENDING' AND "handedOffAt" <= ${leaseExpired} AND attempts < ${options.maxAttempts}))
        LIMIT ${options.limit}
        FOR UPDATE SKIP LOCKED
      ) picked, "Subscriber" s
      WHERE d.id = picked.id AND s.id = d."subscriberId"
      RETURNING d.id, d."subscriberId", d.attempts, s.email, s.status::text AS "subscriberStatus", s."manageToken",
        s.content::text AS content, s."userId"`,
  );
}

/**
 * Records, right before the SMTP transaction, that this run is about to send the delivery. False
 * when another run has taken the claim over meanwhile: the message must then not be sent.
 */
export async function recordHandOff(db: Db, deliveryId: string, claimedBy: string, at: Date): Promise<boolean> {
  const { count } = await db.digestDelivery.updateMany({
    where: { id: deliveryId, claimedBy, status: "SENDING", handedOffAt: null },
    data: { handedOffAt: at },
  });
  return count === 1;
}

/**
 * A claim abandoned on its last attempt is not retried: the run may have handed the message to
 * the SMTP server before dying, and the attempt budget is spent.
 */
export async function failAbandonedLastAttempts(db: Db, digestId: string, options: Pick<ClaimOptions, "now" | "leaseMs" | "maxAttempts">) {
  const failed = await db.digestDelivery.updateManyAndReturn({
    where: {
      digestId,
      status: "SENDING",
      handedOffAt: { lte: new Date(options.now.getTime() - options.leaseMs) },
      attempts: { gte: options.maxAttempts },
    },
    data: { status: "FAILED", lastError: "The run sending the last attempt stopped before recording its outcome." },
    select: { id: true, subscriberId: true, attempts: true, lastError: true, subscriber: { select: { email: true } } },
  });
  return failed.map((row) => ({
    id: row.id,
    subscriberId: row.subscriberId,
    email: row.subscriber.email,
    attempts: row.attempts,
    lastError: row.lastError ?? "",
  }));
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
  // Raw: one round trip per sent message, in the hot loop of a 100,000-subscriber digest.
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
  await db.digest.updateMany({
    where: { cadence, finishedAt: null, deliveries: { none: { status: { in: OPEN_STATUSES } } } },
    data: { finishedAt: now },
  });
}

/** Deliveries of the cadence still waiting: retries not yet due, or claimed by another run. */
export async function countOpenDeliveries(db: Db, cadence: Cadence): Promise<number> {
  return db.digestDelivery.count({ where: { digest: { cadence }, status: { in: OPEN_STATUSES } } });
}
