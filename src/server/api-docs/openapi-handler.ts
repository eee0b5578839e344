import "server-only";
import type { OpenApiDocument } from "@/server/api-docs/openapi";
import { cacheableJson } from "@/server/http/cacheable";
import { handleErrors } from "@/server/http/errors";

/** GET /api/openapi.json: the same for everyone, so shared caches keep it and an ETag revalidates it. */
export function createOpenApiHandler(document: () => OpenApiDocument) {
  return handleErrors(async (request: Request) => cacheableJson(request, document()));
}
