import { siteUrl } from "@/env";
import { db } from "@/server/db";
import { createNotificationUnsubscribeHandlers } from "@/server/notifications/notification-unsubscribe-handlers";

export const { GET, POST } = createNotificationUnsubscribeHandlers(db, siteUrl);
