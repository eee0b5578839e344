import { env } from "@/env";
import { db } from "@/server/db";
import { createDefaultMailer } from "@/server/email/default-mailer";
import { createSubscribeHandler } from "@/server/subscriptions/handlers";

export const POST = createSubscribeHandler({
  db,
  mailer: () => createDefaultMailer(),
  siteUrl: env.NEXTAUTH_URL,
  linkTtlHours: env.EMAIL_LINK_TTL_HOURS,
});
