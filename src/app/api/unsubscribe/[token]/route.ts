import { createUnsubscribeHandlers } from "@/server/subscriptions/manage-handlers";
import { db } from "@/server/db";

export const { GET, POST } = createUnsubscribeHandlers({ db });
