import { createExportHandler } from "@/server/api/export-handler";
import { db } from "@/server/db";

export const GET = createExportHandler(db);
