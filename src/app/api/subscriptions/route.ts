import { env, siteUrl } from "@/env";
import { db } from "@/server/db";
import { createDefaultMailer } from "@/server/email/default-mailer";
import { createSubscribeHandler } from "@/server/subscriptions/subscribe-handler";

export const POST = createSubscribeHandler({
  db,
  mailer: () => createDefaultMailer(),
  siteUrl,
  linkTtlHours: env.EMAIL_LINK_TTL_HOURS,
});
