import { env, siteUrl } from "@/env";
import { db } from "@/server/db";
import { createReminderUnsubscribeHandlers } from "@/server/groups/reminder-unsubscribe-handlers";

export const { GET, POST } = createReminderUnsubscribeHandlers({ db, siteUrl, signingSecret: env.NEXTAUTH_SECRET });
