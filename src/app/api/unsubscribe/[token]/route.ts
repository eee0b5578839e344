import { createUnsubscribeHandlers } from "@/server/api/manage-subscription-handlers";
import { db } from "@/server/db";

export const { GET, POST } = createUnsubscribeHandlers({ db });
