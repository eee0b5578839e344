import { apiDocument } from "@/server/api-docs/document";
import { createOpenApiHandler } from "@/server/api-docs/openapi-handler";

export const GET = createOpenApiHandler(apiDocument);
