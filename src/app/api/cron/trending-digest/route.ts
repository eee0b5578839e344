import { env, siteUrl } from "@/env";
import { db } from "@/server/db";
import { createCronDigestHandler } from "@/server/digest/cron-digest-handler";
import { createDefaultMailer } from "@/server/email/default-mailer";

// Serverless platforms stop a function after maxDuration; the job stops claiming a little before
// and leaves the rest queued for the next invocation.
export const maxDuration = 300;

export const GET = createCronDigestHandler({
  db,
  mailer: () => createDefaultMailer({ pool: true, maxConnections: env.DIGEST_CONCURRENCY }),
  cronSecret: env.CRON_SECRET,
  siteUrl,
  job: { digestSize: env.DIGEST_SIZE, concurrency: env.DIGEST_CONCURRENCY },
  timeBudgetMs: 240_000,
});
