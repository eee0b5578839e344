import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { constraintsText, fieldRows, typeText } from "@/lib/api-docs/schema-text";
import { buildOpenApiDocument, type OpenApiDocument } from "@/server/api-docs/openapi";
import { OPERATIONS, UNDOCUMENTED } from "@/server/api-docs/operations";

// The OpenAPI document is valid OpenAPI 3.1 (checked by @readme/openapi-parser), and it and
// UNDOCUMENTED together account for every route under src/app/api: every exported HTTP method is
// documented or its route says why not, and nothing is documented that no route answers.

const API = join(import.meta.dirname, "..", "..", "src", "app", "api");
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

interface ApiRoute {
  /** As its folder spells it: `/api/papers/[id]`. */
  pattern: string;
  methods: string[];
}

const hasExport = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a route module exports: `export const GET =`, `export const { GET, POST } =`, `export async function GET`, `export { h as GET }`. */
function exportedNames(source: string): string[] {
  const file = ts.createSourceFile("route.ts", source, ts.ScriptTarget.Latest);
  return file.statements.flatMap((statement) => {
    if (ts.isVariableStatement(statement) && hasExport(statement)) {
      return statement.declarationList.declarations.flatMap((declaration) => {
        if (ts.isIdentifier(declaration.name)) return [declaration.name.text];
        if (ts.isObjectBindingPattern(declaration.name)) {
          return declaration.name.elements.flatMap((element) => (ts.isIdentifier(element.name) ? [element.name.text] : []));
        }
        return [];
      });
    }
    if (ts.isFunctionDeclaration(statement) && hasExport(statement) && statement.name) return [statement.name.text];
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      return statement.exportClause.elements.map((element) => element.name.text);
    }
    return [];
  });
}

function apiRoutes(folder = API): ApiRoute[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return apiRoutes(path);
    if (entry.name !== "route.ts") return [];
    const methods = exportedNames(readFileSync(path, "utf8")).filter((name) => HTTP_METHODS.has(name));
    return [{ pattern: `/api/${relative(API, folder).split(sep).join("/")}`, methods }];
  });
}

/** The route's path as OpenAPI writes it: `[id]` becomes `{id}` (a catch-all has no OpenAPI form and stays). */
const openApiPath = (pattern: string) => pattern.replace(/\[(\w+)\]/g, "{$1}");

/** What is undocumented without a reason, documented without a route, or both documented and excused. */
function coverageProblems(routes: ApiRoute[], document: OpenApiDocument, undocumented: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const route of routes) {
    const item = document.paths[openApiPath(route.pattern)] ?? {};
    for (const method of route.methods) {
      const documented = method.toLowerCase() in item;
      if (!documented && !(route.pattern in undocumented))
        problems.push(`${method} ${route.pattern} is neither documented nor in UNDOCUMENTED`);
      if (documented && route.pattern in undocumented) problems.push(`${method} ${route.pattern} is documented and in UNDOCUMENTED`);
    }
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item)) {
      const route = routes.find((candidate) => openApiPath(candidate.pattern) === path);
      if (!route?.methods.includes(method.toUpperCase()))
        problems.push(`${method.toUpperCase()} ${path} is documented but no route exports it`);
    }
  }
  return problems;
}

const document = buildOpenApiDocument(OPERATIONS, { siteUrl: "https://papers.example.org", version: "0.0.0" });
const routes = apiRoutes();

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    expect(document.openapi).toBe("3.1.0");
    // The parser dereferences in place; the document stays as built.
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it("documents every API route, or says why not, and documents nothing no route answers", () => {
    expect(coverageProblems(routes, document, UNDOCUMENTED)).toEqual([]);
  });

  it("fails for a route added without documenting it, or an operation without its route", () => {
    // Only what each change adds: the check above reports the tree's own problems.
    const baseline = new Set(coverageProblems(routes, document, UNDOCUMENTED));
    const added = (found: string[]) => found.filter((problem) => !baseline.has(problem));
    expect(
      added(coverageProblems([...routes, { pattern: "/api/me/new-thing/[id]", methods: ["GET", "PUT"] }], document, UNDOCUMENTED)),
    ).toEqual([
      "GET /api/me/new-thing/[id] is neither documented nor in UNDOCUMENTED",
      "PUT /api/me/new-thing/[id] is neither documented nor in UNDOCUMENTED",
    ]);
    const withoutFollows = routes.filter((route) => route.pattern !== "/api/me/follows/[kind]/[value]");
    expect(added(coverageProblems(withoutFollows, document, UNDOCUMENTED))).toEqual([
      "PUT /api/me/follows/{kind}/{value} is documented but no route exports it",
      "DELETE /api/me/follows/{kind}/{value} is documented but no route exports it",
    ]);
    expect(added(coverageProblems(routes, document, { ...UNDOCUMENTED, "/api/health": "a probe" }))).toEqual([
      "GET /api/health is documented and in UNDOCUMENTED",
    ]);
  });

  it("reads each way a route module exports its handlers", () => {
    const methodsOf = (pattern: string) => routes.find((route) => route.pattern === pattern)?.methods;
    expect(methodsOf("/api/health")).toEqual(["GET"]); // export async function GET
    expect(methodsOf("/api/unsubscribe/[token]")).toEqual(["GET", "POST"]); // export const { GET, POST } =
    expect(methodsOf("/api/papers/[id]/upvote")).toEqual(["POST", "DELETE"]); // export { handler as POST, handler as DELETE }
    expect(methodsOf("/api/me/library/[id]")).toEqual(["PUT", "DELETE"]); // export const PUT =
    expect(methodsOf("/api/auth/[...nextauth]")).toEqual(["GET", "POST"]);
  });

  it("gives every UNDOCUMENTED route a one-line reason", () => {
    for (const [pattern, reason] of Object.entries(UNDOCUMENTED)) {
      expect(pattern).toMatch(/^\/api\//);
      expect(reason.trim().length, pattern).toBeGreaterThan(10);
      expect(reason, pattern).not.toContain("\n");
    }
  });

  it("describes every parameter, and each example request fits its operation's path", () => {
    for (const operation of OPERATIONS) {
      const built = document.paths[operation.path]![operation.method.toLowerCase() as "get"]!;
      for (const parameter of built.parameters ?? [])
        expect(parameter.description, `${operation.operationId} ${parameter.name}`).toBeTruthy();
      const template = new RegExp(`^${operation.path.replace(/\{\w+\}/g, "[^/]+").replace(/\./g, "\\.")}$`);
      expect(new URL(operation.example.url, "https://papers.example.org").pathname, operation.operationId).toMatch(template);
      expect(built["x-codeSamples"][0]!.source).toContain(`'https://papers.example.org${operation.example.url}'`);
    }
    expect(new Set(OPERATIONS.map((operation) => operation.operationId)).size).toBe(OPERATIONS.length);
  });

  it("marks token operations with the scope they need, and writes as needing a read-and-write token", () => {
    const scopes = Object.fromEntries(
      Object.values(document.paths).flatMap((item) =>
        Object.entries(item).map(([method, operation]) => [
          operation.operationId,
          { method, scope: operation.security?.[0]?.personalAccessToken },
        ]),
      ),
    );
    for (const [operationId, { method, scope }] of Object.entries(scopes)) {
      if (scope === undefined) continue;
      expect(scope, operationId).toEqual([method === "get" ? "read" : "write"]);
    }
    expect(scopes.listDailyPapers!.scope).toBeUndefined();
    expect(scopes.follow!.scope).toEqual(["write"]);
  });
});

describe("the reference page's words for the document's schemas", () => {
  const schemas = document.components.schemas;
  const parameter = (path: string, name: string) => document.paths[path]!.get!.parameters!.find((candidate) => candidate.name === name)!;

  it("give each type, linking the component it names, and nullable ones as such", () => {
    expect(typeText(schemas.ListDailyPapersResponse!)).toEqual({ text: "array of HfDailyPaper", refs: ["HfDailyPaper"] });
    expect(typeText(schemas.FollowState!.properties!.state as never)).toEqual({ text: "string or null", refs: [] });
    expect(typeText(parameter("/api/daily_papers", "cat").schema)).toEqual({ text: "array of string", refs: [] });
  });

  it("spell out ranges, choices, defaults, lengths and formats", () => {
    expect(constraintsText(parameter("/api/daily_papers", "limit").schema)).toEqual(["1 to 100", "default 50"]);
    expect(constraintsText(parameter("/api/daily_papers", "cat").schema)).toEqual(["repeatable, up to 20 values"]);
    expect(constraintsText(parameter("/api/papers/search", "q").schema)).toEqual(["1 to 10,000 characters", "e.g. diffusion"]);
    expect(constraintsText(schemas.FollowState!.properties!.state as never)).toEqual(["one of: follow, mute"]);
    expect(constraintsText(schemas.HfPaper!.properties!.publishedAt as never)).toEqual([expect.stringMatching(/^an ISO 8601 time/)]);
  });

  it("flatten an answer's fields, naming which shape of a union each belongs to", () => {
    const rows = fieldRows(schemas.ForYouPage!);
    const row = (path: string) => rows.filter((candidate) => candidate.path === path);
    expect(row("items[].paper")).toEqual([expect.objectContaining({ required: true, condition: undefined })]);
    expect(row("items[].paper.title")).toEqual([]); // a component has its own table
    expect(row("items[].reason.followKind")).toEqual([expect.objectContaining({ condition: 'kind is "follow"' })]);
    expect(row("items[].reason.text").map((candidate) => candidate.condition)).toEqual([
      'kind is "follow"',
      'kind is "similar"',
      'kind is "terms"',
      'kind is "trending"',
      'kind is "collection"',
    ]);
    expect(fieldRows(schemas.HfPaper!).find((candidate) => candidate.path === "organization.avatar")).toMatchObject({ required: false });
  });
});
