import "server-only";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/email/mailer";
import { sendSessionReminders } from "@/server/groups/reminders";
import { assertCronRequest } from "@/server/http/cron-auth";
import { handleErrors } from "@/server/http/errors";

export interface CronRemindersDeps {
  db: Db;
  mailer: () => Mailer;
  cronSecret: string | undefined;
  siteUrl: string;
  signingSecret: string | undefined;
  now?: () => Date;
}

/** GET /api/cron/group-reminders: the scheduler's entry point (hourly), a thin shell around the job. */
export function createCronRemindersHandler(deps: CronRemindersDeps) {
  return handleErrors(async (request) => {
    assertCronRequest(request.headers, deps.cronSecret);
    if (!deps.signingSecret) throw new Error("NEXTAUTH_SECRET is not set: session reminders sign their unsubscribe links with it.");
    const mailer = deps.mailer();
    try {
      const report = await sendSessionReminders({
        db: deps.db,
        mailer,
        now: deps.now ?? (() => new Date()),
        siteUrl: deps.siteUrl,
        signingSecret: deps.signingSecret,
      });
      return Response.json({ report }, { headers: { "Cache-Control": "no-store" } });
    } finally {
      mailer.close();
    }
  });
}
