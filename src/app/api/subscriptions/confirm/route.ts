import { db } from "@/server/db";
import { createConfirmHandler } from "@/server/subscriptions/handlers";

export const POST = createConfirmHandler({ db });
