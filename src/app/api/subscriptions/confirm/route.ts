import { db } from "@/server/db";
import { createConfirmHandler } from "@/server/subscriptions/confirm-handler";

export const POST = createConfirmHandler({ db });
