import "server-only";
import { siteUrl } from "@/env";
import { buildOpenApiDocument, type OpenApiDocument } from "@/server/api-docs/openapi";
import { OPERATIONS } from "@/server/api-docs/operations";
// eslint-disable-next-line no-restricted-imports -- package.json lies outside src/, which is all that @/ maps
import packageJson from "../../../package.json";

let built: OpenApiDocument | undefined;

/** This instance's API document: the same for every request, so built once per process. */
export function apiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument(OPERATIONS, { siteUrl, version: packageJson.version });
  return built;
}
