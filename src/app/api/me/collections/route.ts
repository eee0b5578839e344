import { createCollectionsHandlers } from "@/server/collections/collection-api-handlers";
import { db } from "@/server/db";

export const { GET, POST } = createCollectionsHandlers(db);
