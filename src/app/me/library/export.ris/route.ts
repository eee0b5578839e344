import { db } from "@/server/db";
import { createLibraryExportHandler } from "@/server/library/library-export-handler";

export const GET = createLibraryExportHandler(db, "ris");
