import { createConfirmHandler } from "@/server/subscriptions/handlers";
import { db } from "@/server/db";

export const POST = createConfirmHandler({ db });
