import { env } from "@/env";
import { db } from "@/server/db";
import { createEmailEventsHandler } from "@/server/subscriptions/email-events-handler";

export const POST = createEmailEventsHandler({ db, secret: env.EMAIL_WEBHOOK_SECRET });
