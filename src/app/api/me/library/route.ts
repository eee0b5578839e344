import { db } from "@/server/db";
import { createLibraryListHandler } from "@/server/library/library-api-handlers";

export const GET = createLibraryListHandler(db);
