import { getCachedSearch } from "@/server/papers/cache";
import { createSearchApiHandler } from "@/server/papers/search-api-handler";

/** GET /api/papers/search: relevance-ranked full-text search, paged (src/server/papers/search-api-handler.ts). */
export const GET = createSearchApiHandler(getCachedSearch);
