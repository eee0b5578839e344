import { env, siteUrl } from "@/env";
import { db } from "@/server/db";
import { createDefaultMailer } from "@/server/email/default-mailer";
import { createCronRemindersHandler } from "@/server/groups/cron-reminders-handler";

export const maxDuration = 300;

export const GET = createCronRemindersHandler({
  db,
  mailer: () => createDefaultMailer(),
  cronSecret: env.CRON_SECRET,
  siteUrl,
  signingSecret: env.NEXTAUTH_SECRET,
});
