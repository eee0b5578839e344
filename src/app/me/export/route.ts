import { createExportHandler } from "@/server/accounts/export-handler";
import { db } from "@/server/db";

export const GET = createExportHandler(db);
