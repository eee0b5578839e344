import { siteUrl } from "@/env";
import { db } from "@/server/db";
import { createReplyUnsubscribeHandlers } from "@/server/notifications/reply-unsubscribe-handlers";

export const { GET, POST } = createReplyUnsubscribeHandlers(db, siteUrl);
