import { createPreferencesHandler } from "@/server/api/manage-subscription-handlers";
import { db } from "@/server/db";

export const POST = createPreferencesHandler({ db });
