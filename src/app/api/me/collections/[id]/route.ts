import { createCollectionHandlers } from "@/server/collections/collection-api-handlers";
import { db } from "@/server/db";

export const { GET, DELETE } = createCollectionHandlers(db);
