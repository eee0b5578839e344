import "server-only";
import { z } from "zod";
import { SCHEMA_REF_PREFIX, type JsonSchema } from "@/lib/api-docs/schema-text";
import { APP_ERROR_STATUS, type AppErrorCode } from "@/lib/errors";
import { API_TAGS, COMPONENT_SCHEMAS, type ApiAuth, type ApiOperation } from "@/server/api-docs/operations";

// The OpenAPI 3.1 document, generated from the operations' zod schemas: requests as the handlers
// accept them (`io: "input"`: a default makes a parameter optional), answers as they produce them.
// OpenAPI 3.1's schemas are JSON Schema draft 2020-12, zod's default target; a schema with no JSON
// Schema form (a transform's output, say) throws here rather than reach the document as `{}`.

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: { "application/json": { schema: JsonSchema } };
}

export interface OpenApiCodeSample {
  lang: string;
  label: string;
  source: string;
}

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  security?: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, OpenApiResponse>;
  /** The example request as a shell command (Redoc's name for it). */
  "x-codeSamples": OpenApiCodeSample[];
}

export type OpenApiMethod = "get" | "put" | "delete" | "post";

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<OpenApiMethod, OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; bearerFormat: string; description: string }>;
  };
}

export const SECURITY_SCHEME = "personalAccessToken";

// JavaScript's safe-integer bounds, which zod gives every `int()`, tell a client nothing.
function withoutSafeIntegerBounds({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
}

const JSON_SCHEMA = { target: "draft-2020-12", unrepresentable: "throw", override: withoutSafeIntegerBounds } as const;

// Which errors a token brings with it, besides the operation's own.
const TOKEN_ERRORS: Record<Exclude<ApiAuth, "none">, Partial<Record<AppErrorCode, string>>> = {
  read: {
    UNAUTHORIZED: "No token, or a malformed, unknown or revoked one, or one of a suspended account; the message says which.",
    RATE_LIMITED: "More than 600 requests in a minute with this token; Retry-After says when to try again.",
  },
  write: {
    UNAUTHORIZED: "No token, or a malformed, unknown or revoked one, or one of a suspended account; the message says which.",
    FORBIDDEN: "The token is read-only: writes need a read-and-write token.",
    RATE_LIMITED: "More than 600 requests in a minute with this token; Retry-After says when to try again.",
  },
};

const errorRef = { $ref: `${SCHEMA_REF_PREFIX}Error` };
const retryAfter = { description: "Seconds to wait before trying again.", schema: { type: "integer" as const, minimum: 0 } };

function withoutDialect({ $schema: _schema, $id: _id, ...schema }: JsonSchema): JsonSchema {
  return schema;
}

function parametersOf(schema: z.ZodObject, location: OpenApiParameter["in"]): OpenApiParameter[] {
  const json = z.toJSONSchema(schema, { ...JSON_SCHEMA, io: "input" });
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = typeof property === "boolean" ? {} : property;
    return {
      name,
      in: location,
      required: location === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** The component schemas: the shared shapes, then each operation's answer under its name (`ListDailyPapersResponse`). */
function componentSchemas(operations: readonly ApiOperation[]): {
  schemas: Record<string, JsonSchema>;
  nameOf: (schema: z.ZodType) => string;
} {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(COMPONENT_SCHEMAS)) registry.add(schema, { id: name });
  for (const operation of operations) {
    if (!registry.has(operation.response.schema)) registry.add(operation.response.schema, { id: responseName(operation) });
  }
  const { schemas } = z.toJSONSchema(registry, { ...JSON_SCHEMA, io: "output", uri: (id) => `${SCHEMA_REF_PREFIX}${id}` });
  return {
    schemas: Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, withoutDialect(schema)])),
    nameOf: (schema) => registry.get(schema)!.id,
  };
}

function responseName(operation: ApiOperation): string {
  return `${operation.operationId[0]!.toUpperCase()}${operation.operationId.slice(1)}Response`;
}

function errorResponses(operation: ApiOperation): Record<string, OpenApiResponse> {
  const errors = { ...(operation.auth === "none" ? {} : TOKEN_ERRORS[operation.auth]), ...operation.errors };
  const byStatus = new Map<number, string[]>();
  for (const [code, when] of Object.entries(errors) as [AppErrorCode, string][]) {
    const status = APP_ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), `${code}: ${when}`]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, lines]) => [
      String(status),
      {
        description: lines.join(" "),
        ...(status === APP_ERROR_STATUS.RATE_LIMITED ? { headers: { "Retry-After": retryAfter } } : {}),
        content: { "application/json": { schema: errorRef } },
      },
    ]),
  );
}

const stringHeader = (description: string) => ({ description, schema: { type: "string" as const } });

function successResponses(operation: ApiOperation, schemaName: string): Record<string, OpenApiResponse> {
  const { response } = operation;
  const headers = {
    ...(response.shared
      ? {
          "Cache-Control": stringHeader("`public, max-age=60, s-maxage=60, stale-while-revalidate=300`: caches may keep it a minute."),
          ETag: stringHeader("Send it back in If-None-Match for a 304 while the answer is unchanged."),
        }
      : {}),
    ...Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, description]) => [name, stringHeader(description)])),
  };
  const content = { "application/json": { schema: { $ref: `${SCHEMA_REF_PREFIX}${schemaName}` } } };
  return {
    [String(response.status ?? 200)]: {
      description: response.description,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      content,
    },
    ...(response.shared ? { "304": { description: "Not modified: the ETag sent in If-None-Match is still current." } } : {}),
    ...Object.fromEntries(Object.entries(response.sameShapeOn ?? {}).map(([status, description]) => [status, { description, content }])),
  };
}

/** The example as a command to paste: the instance's own address, `$TOKEN` for the token. */
export function curlCommand(operation: ApiOperation, siteUrl: string): string {
  const parts = ["curl"];
  if (operation.method !== "GET") parts.push(`-X ${operation.method}`);
  if (operation.auth !== "none") parts.push('-H "Authorization: Bearer $TOKEN"');
  if (operation.example.body !== undefined)
    parts.push("-H 'Content-Type: application/json'", `-d '${JSON.stringify(operation.example.body)}'`);
  parts.push(`'${siteUrl}${operation.example.url}'`);
  return parts.join(" ");
}

function operationObject(operation: ApiOperation, schemaName: string, siteUrl: string): OpenApiOperation {
  const parameters = [
    ...(operation.params ? parametersOf(operation.params, "path") : []),
    ...(operation.query ?? []).flatMap((schema) => parametersOf(schema, "query")),
  ];
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    ...(operation.auth === "none" ? {} : { security: [{ [SECURITY_SCHEME]: [operation.auth] }] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: operation.body.required,
            content: {
              "application/json": { schema: withoutDialect(z.toJSONSchema(operation.body.schema, { ...JSON_SCHEMA, io: "input" })) },
            },
          },
        }
      : {}),
    responses: {
      ...successResponses(operation, schemaName),
      ...errorResponses(operation),
      default: {
        description:
          "Any request may also meet 429 RATE_LIMITED (too many uncached requests from one address) or 503 BUSY or UNAVAILABLE (the database is saturated or unreachable: nothing was applied), both with Retry-After, or 500 INTERNAL, which never carries details.",
        content: { "application/json": { schema: errorRef } },
      },
    },
    "x-codeSamples": [{ lang: "Shell", label: "curl", source: curlCommand(operation, siteUrl) }],
  };
}

export function buildOpenApiDocument(operations: readonly ApiOperation[], options: { siteUrl: string; version: string }): OpenApiDocument {
  const { schemas, nameOf } = componentSchemas(operations);
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of operations) {
    const method = operation.method.toLowerCase() as OpenApiMethod;
    paths[operation.path] = {
      ...paths[operation.path],
      [method]: operationObject(operation, nameOf(operation.response.schema), options.siteUrl),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Daily Papers API",
      version: options.version,
      description:
        "The read API answers in Hugging Face's Daily Papers shape, so existing clients can point at this instance; a reader's own library, upvotes, follows and For you take a personal access token. Errors are JSON with a code, a message and, for a bad parameter, its name.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: options.siteUrl }],
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "dp_ followed by 43 base64url characters",
          description:
            "A personal access token made on /me#tokens, sent as `Authorization: Bearer dp_…`. A read-only token reads; writes need a read-and-write one (the operation's scope says which). Account endpoints take nothing else: no session cookie.",
        },
      },
    },
  };
}
