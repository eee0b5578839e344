import { db } from "@/server/db";
import { createPreferencesHandler } from "@/server/subscriptions/manage-handlers";

export const POST = createPreferencesHandler({ db });
