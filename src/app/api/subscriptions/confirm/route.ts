import { createConfirmHandler } from "@/server/api/subscription-handlers";
import { db } from "@/server/db";

export const POST = createConfirmHandler({ db });
