import { createCollectionPaperHandler } from "@/server/collections/collection-api-handlers";
import { db } from "@/server/db";

/** PUT puts the paper in the collection (and the library), DELETE takes it out; both idempotent. */
export const PUT = createCollectionPaperHandler(db, true);
export const DELETE = createCollectionPaperHandler(db, false);
