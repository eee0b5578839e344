import { createCollectionDownloadHandler } from "@/server/collections/collection-download-handler";
import { db } from "@/server/db";

export const GET = createCollectionDownloadHandler(db, "ris");
