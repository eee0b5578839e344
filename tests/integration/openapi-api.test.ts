import { join } from "node:path";
import { dereference } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { JsonSchema } from "@/lib/api-docs/schema-text";
import { buildOpenApiDocument, type OpenApiDocument, type OpenApiMethod } from "@/server/api-docs/openapi";
import { EXAMPLE_COLLECTION_ID, OPERATIONS, type ApiOperation } from "@/server/api-docs/operations";
import type * as DbModule from "@/server/db";
import type { Db } from "@/server/db";
import { createApiToken, revokeApiToken } from "@/server/tokens/api-tokens";
import { useTestDatabase } from "../support/test-db";

// The documented API against a real PostgreSQL, through the app's own route modules: each GET
// answers its documented example with JSON its response schema in /api/openapi.json accepts (with
// additionalProperties false, so an undocumented field fails too); a value outside a documented
// constraint is a 400 in the documented error shape naming the parameter; the token endpoints
// refuse a missing or revoked token (401) and a read-only one on writes (403), and do what they say.

const state = vi.hoisted(() => ({ db: null as Db | null }));

vi.mock("@/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof DbModule>()),
  db: (await import("../support/delegating-db")).delegatingDb(() => state.db!),
}));
// Next.js's data cache and revalidation exist only inside Next.js: queries run uncached here.
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  unstable_cache: <T>(query: T) => query,
  revalidateTag: () => undefined,
  revalidatePath: () => undefined,
}));

const t = useTestDatabase();
const SITE = "http://localhost:3000";
const ROOT = join(import.meta.dirname, "..", "..");
const TODAY = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const DAY = new Date("2026-06-16T00:00:00Z");

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The route module under src/app that answers an operation, as Next.js would load it. */
async function routeHandler(operation: ApiOperation): Promise<RouteHandler> {
  const folder = operation.path.replace(/\{(\w+)\}/g, "[$1]");
  const route = (await import(join(ROOT, "src", "app", folder, "route.ts"))) as Record<string, RouteHandler>;
  return route[operation.method]!;
}

/** The path parameters of a URL path for an operation's template, still %-encoded, as Next.js passes them. */
function paramsOf(template: string, pathname: string): Record<string, string> {
  const names = template.split("/");
  const values = pathname.split("/");
  return Object.fromEntries(names.flatMap((name, index) => (/^\{\w+\}$/.test(name) ? [[name.slice(1, -1), values[index]!]] : [])));
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function call(
  operation: ApiOperation,
  options: { token?: string | null; url?: string; body?: string; contentType?: string } = {},
): Promise<Answer> {
  const url = new URL(options.url ?? operation.example.url, SITE);
  const headers = new Headers();
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.contentType) headers.set("content-type", options.contentType);
  const request = new Request(url, { method: operation.method, headers, body: options.body });
  const response = await (await routeHandler(operation))(request, { params: Promise.resolve(paramsOf(operation.path, url.pathname)) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const operation = (operationId: string) => OPERATIONS.find((candidate) => candidate.operationId === operationId)!;
const methodOf = (target: ApiOperation) => target.method.toLowerCase() as OpenApiMethod;

// The cases below are listed when the file is collected, before the app serves its document: from
// the same build.
const built = buildOpenApiDocument(OPERATIONS, { siteUrl: SITE, version: "test" });
const queryParameters = (target: ApiOperation) =>
  (built.paths[target.path]?.[methodOf(target)]?.parameters ?? []).filter((parameter) => parameter.in === "query");

/** Values outside what a parameter's schema allows: an unknown choice, past a bound, too long. */
function badValues(schema: JsonSchema): string[] {
  const values: string[] = [];
  if (schema.enum) values.push("not-a-choice");
  if (schema.maximum !== undefined) values.push(String(schema.maximum + 1));
  if (schema.minimum !== undefined) values.push(String(schema.minimum - 1));
  if (schema.maxLength !== undefined) values.push("x".repeat(schema.maxLength + 1));
  return values;
}

let document: OpenApiDocument;
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, validateFormats: false });

/** The body schema the served document gives for an operation's answer with this status. */
function responseSchema(target: ApiOperation, status: number): JsonSchema {
  const responses = document.paths[target.path]?.[methodOf(target)]?.responses;
  const schema = (responses?.[String(status)] ?? responses?.default)?.content?.["application/json"].schema;
  expect(schema, `${target.operationId} documents a JSON answer for ${status}`).toBeDefined();
  return schema!;
}

function expectDocumented(target: ApiOperation, answer: Answer): void {
  const validate = ajv.compile(responseSchema(target, answer.status));
  expect(validate(answer.body), `${target.operationId} ${answer.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

const tokens = { read: "", write: "" };

beforeAll(async () => {
  state.db = t.db;
  const db = t.db;
  await db.organization.create({ data: { name: "nvidia", fullName: "NVIDIA", avatarUrl: "https://example.org/nvidia.png" } });
  await db.paper.create({
    data: {
      id: "2606.11176",
      title: "Diffusion transformers at scale",
      abstract: "We scale diffusion transformers.",
      authors: ["Ada Lovelace", "Alan Turing"],
      publishedAt: new Date("2026-06-15T17:00:00Z"),
      feedDate: DAY,
      submittedAt: new Date("2026-06-16T08:30:00Z"),
      source: "HF_DAILY",
      organizationName: "nvidia",
      submitterName: "ada",
      submitterFullName: "Ada Lovelace",
      submitterAvatarUrl: null,
      upstreamUpvotes: 10,
      upstreamComments: 1,
      localComments: 2,
      githubRepo: "https://github.com/example/dit",
      githubStars: 12,
      projectPage: "https://example.org/dit",
      thumbnailUrl: "https://example.org/dit.png",
      mediaUrls: ["https://example.org/dit.mp4"],
      aiSummary: "Diffusion transformers keep improving with scale.",
      aiKeywords: ["diffusion models"],
      categories: ["cs.CV", "cs.LG"],
    },
  });
  await db.paper.create({
    data: {
      id: "2606.11177",
      title: "A survey of diffusion models",
      abstract: "A survey.",
      authors: ["Grace Hopper"],
      publishedAt: new Date("2026-06-15T18:00:00Z"),
      feedDate: DAY,
      source: "ARXIV",
    },
  });
  for (const [index, title] of ["Language models that read papers", "Agents that cite"].entries()) {
    await db.paper.create({
      data: {
        id: `2612.0000${index + 1}`,
        title,
        abstract: "Fresh today.",
        authors: ["Barbara Liskov"],
        publishedAt: TODAY,
        feedDate: TODAY,
        source: "HF_DAILY",
        organizationName: "nvidia",
        upstreamUpvotes: 3 - index,
        categories: ["cs.CL"],
      },
    });
  }

  const commenter = await db.user.create({ data: { email: "commenter@example.org", handle: "commenter" } });
  const thread = await db.comment.create({ data: { paperId: "2606.11176", userId: commenter.id, body: "Does it scale to **video**?" } });
  await db.comment.create({ data: { paperId: "2606.11176", userId: commenter.id, threadId: thread.id, body: "It does: $O(n^2)$." } });

  const reader = await db.user.create({ data: { email: "reader@example.org", handle: "reader" } });
  tokens.read = (await createApiToken(db, reader.id, { name: "read", scope: "READ" })).token;
  tokens.write = (await createApiToken(db, reader.id, { name: "write", scope: "WRITE" })).token;
  await db.savedPaper.create({ data: { userId: reader.id, paperId: "2606.11176", note: "Read section 3." } });
  await db.upvote.create({ data: { userId: reader.id, paperId: "2606.11177" } });
  await db.follow.create({ data: { userId: reader.id, kind: "ORGANIZATION", value: "nvidia" } });
  await db.follow.create({ data: { userId: reader.id, kind: "TOPIC", value: "survey", muted: true } });
  await db.collection.create({
    data: {
      id: EXAMPLE_COLLECTION_ID,
      ownerId: reader.id,
      name: "Reading list",
      slug: "reading-list",
      shareKey: "example-share-key",
      papers: { create: { paperId: "2606.11176", note: "Start here." } },
    },
  });

  // The document the app serves is the one answers are checked against.
  const served = await call(operation("getOpenApiDocument"));
  expect(served.status).toBe(200);
  document = (await dereference(served.body as never)) as unknown as OpenApiDocument;
});

const gets = OPERATIONS.filter((candidate) => candidate.method === "GET");
const tokenOperations = OPERATIONS.filter((candidate) => candidate.auth !== "none");
const tokenFor = (target: ApiOperation) => (target.auth === "none" ? null : target.auth === "read" ? tokens.read : tokens.write);

describe("every documented GET", () => {
  it.each(gets.map((target) => [target.operationId, target] as const))("%s answers its example as documented", async (_name, target) => {
    const answer = await call(target, { token: tokenFor(target) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expectDocumented(target, answer);
    // An empty answer would pass any schema: each example finds something in the papers above.
    const body = answer.body as unknown[] | { items?: unknown[]; comments?: unknown[] };
    const listed = Array.isArray(body) ? body : (body.items ?? body.comments);
    if (listed) expect(listed.length, target.operationId).toBeGreaterThan(0);
  });

  it("would notice an answer with a field the schema lacks, or without one it requires", async () => {
    const target = operation("getPaper");
    const answer = await call(target);
    const validate = ajv.compile(responseSchema(target, 200));
    expect(validate(answer.body)).toBe(true);
    expect(validate({ ...(answer.body as object), undocumented: 1 })).toBe(false);
    const { title: _title, ...untitled } = answer.body as Record<string, unknown>;
    expect(validate(untitled)).toBe(false);
  });

  it("answers what the examples ask for", async () => {
    const day = (await call(operation("listDailyPapers"))).body as { paper: { id: string; organization?: { name: string } } }[];
    expect(day.map((item) => item.paper.id)).toEqual(["2606.11176", "2606.11177"]);
    const comments = (await call(operation("listPaperComments"))).body as {
      comments: { body: string; replies: unknown[] }[];
      total: number;
    };
    expect(comments).toMatchObject({ total: 2, comments: [{ body: "Does it scale to **video**?", replies: [expect.anything()] }] });
    const forYou = (await call(operation("listForYou"), { token: tokens.read })).body as {
      items: { paper: { id: string }; reason: unknown }[];
    };
    expect(forYou.items.slice(0, 2)).toEqual([
      {
        paper: expect.objectContaining({ id: "2612.00001" }),
        reason: { kind: "follow", followKind: "organization", value: "nvidia", text: "You follow nvidia" },
      },
      { paper: expect.objectContaining({ id: "2612.00002" }), reason: expect.objectContaining({ kind: "follow" }) },
    ]);
    expect(forYou.items.map((item) => item.paper.id)).not.toContain("2606.11177");
    const follows = (await call(operation("listFollows"), { token: tokens.read })).body;
    expect(follows).toEqual([
      { kind: "organization", value: "nvidia", state: "follow" },
      { kind: "topic", value: "survey", state: "mute" },
    ]);
  });

  // Every query parameter with a range, a length or a set of values, sent outside it.
  const badQueries = gets.flatMap((target) =>
    queryParameters(target).flatMap((parameter) =>
      badValues(parameter.schema).map(
        (value) => [`${target.operationId} ${parameter.name}=${value.slice(0, 12)}`, target, parameter.name, value] as const,
      ),
    ),
  );

  it("has constrained parameters to try", () => {
    expect(badQueries.length).toBeGreaterThan(10);
  });

  it.each(badQueries)("answers %s with the documented 400 naming it", async (_name, target, name, value) => {
    const url = new URL(target.example.url, SITE);
    url.searchParams.set(name, value);
    const answer = await call(target, { token: tokenFor(target), url: `${url.pathname}${url.search}` });
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expectDocumented(target, answer);
    expect(answer.body).toMatchObject({ error: { code: "BAD_REQUEST", param: name } });
  });

  it("answers a malformed id in the path with the documented 400", async () => {
    for (const target of gets.filter((candidate) => candidate.path.includes("{id}"))) {
      const url = target.example.url.replace("2606.11176", "not-an-id").replace(EXAMPLE_COLLECTION_ID, "not-an-id");
      const answer = await call(target, { token: tokenFor(target), url });
      expect(answer.status).toBe(400);
      expectDocumented(target, answer);
      expect(answer.body).toMatchObject({ error: { code: "BAD_REQUEST", param: "id" } });
    }
  });
});

describe("the token endpoints", () => {
  it("refuse a request without a token, and a revoked token, with the documented 401", async () => {
    const reader = await t.db.user.findUniqueOrThrow({ where: { email: "reader@example.org" } });
    const { token, summary } = await createApiToken(t.db, reader.id, { name: "soon revoked", scope: "WRITE" });
    await revokeApiToken(t.db, reader.id, summary.id, new Date());
    for (const target of tokenOperations) {
      const missing = await call(target, { token: null });
      expect(missing.status, target.operationId).toBe(401);
      expectDocumented(target, missing);
      const revoked = await call(target, { token });
      expect(revoked.status, target.operationId).toBe(401);
      expect(revoked.body).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.stringContaining("revoked") } });
    }
  });

  it("refuse a read-only token on every write with the documented 403, changing nothing", async () => {
    const writes = tokenOperations.filter((target) => target.auth === "write");
    expect(writes.map((target) => target.operationId).sort()).toEqual([
      "addToCollection",
      "createCollection",
      "deleteCollection",
      "follow",
      "removeFromCollection",
      "removeUpvote",
      "savePaper",
      "unfollow",
      "unsavePaper",
      "upvotePaper",
    ]);
    const counts = async () => ({
      saved: await t.db.savedPaper.count(),
      follows: await t.db.follow.count(),
      upvotes: await t.db.upvote.count(),
      collections: await t.db.collection.count(),
      collected: await t.db.collectionPaper.count(),
    });
    const before = await counts();
    for (const target of writes) {
      const answer = await call(target, { token: tokens.read });
      expect(answer.status, target.operationId).toBe(403);
      expectDocumented(target, answer);
      expect(answer.body).toMatchObject({ error: { code: "FORBIDDEN", message: expect.stringContaining("read-only") } });
    }
    expect(await counts()).toEqual(before);
  });

  it("follow, mute and unfollow, idempotently, answering the documented state", async () => {
    const put = operation("follow");
    const followed = await call(put, { token: tokens.write });
    expect(followed).toMatchObject({ status: 200, body: { kind: "category", value: "cs.CL", state: "follow" } });
    expectDocumented(put, followed);
    expect((await call(put, { token: tokens.write })).body).toEqual(followed.body);

    const author = "/api/me/follows/author/Ada%20Lovelace";
    const muted = await call(put, {
      token: tokens.write,
      url: author,
      body: JSON.stringify({ state: "mute" }),
      contentType: "application/json",
    });
    expect(muted.body).toEqual({ kind: "author", value: "Ada Lovelace", state: "mute" });
    const slashed = await call(put, { token: tokens.write, url: "/api/me/follows/topic/graph%2Fnetwork%20models" });
    expect(slashed.body).toEqual({ kind: "topic", value: "graph/network models", state: "follow" });

    const listed = (await call(operation("listFollows"), { token: tokens.read })).body as { kind: string; value: string; state: string }[];
    expect(listed).toEqual(
      expect.arrayContaining([
        { kind: "category", value: "cs.CL", state: "follow" },
        { kind: "author", value: "Ada Lovelace", state: "mute" },
        { kind: "topic", value: "graph/network models", state: "follow" },
      ]),
    );

    const remove = operation("unfollow");
    for (const url of [remove.example.url, author, remove.example.url]) {
      const answer = await call(remove, { token: tokens.write, url });
      expect(answer.status).toBe(200);
      expectDocumented(remove, answer);
      expect(answer.body).toMatchObject({ state: null });
    }
    const after = (await call(operation("listFollows"), { token: tokens.read })).body as { value: string }[];
    expect(after.map((follow) => follow.value)).not.toContain("cs.CL");
    expect(after.map((follow) => follow.value)).not.toContain("Ada Lovelace");
  });

  it("refuse a follow that breaks the rules with a 400 naming what", async () => {
    const put = operation("follow");
    const cases = [
      { url: "/api/me/follows/person/Ada", param: "kind" },
      { url: "/api/me/follows/category/not-a-category", param: "value" },
      { url: `/api/me/follows/topic/${"x".repeat(301)}`, param: "value" },
      { url: put.example.url, body: JSON.stringify({ state: "ignore" }), contentType: "application/json", param: "state" },
      { url: put.example.url, body: "{", contentType: "application/json", param: undefined },
      { url: put.example.url, body: "state=mute", contentType: "application/x-www-form-urlencoded", param: undefined },
    ];
    for (const { param, ...request } of cases) {
      const answer = await call(put, { token: tokens.write, ...request });
      expect(answer.status, request.url).toBe(400);
      expectDocumented(put, answer);
      expect((answer.body as { error: { param?: string } }).error.param, request.url).toBe(param);
    }
  });

  it("upvote and take the upvote back, idempotently, with the new total", async () => {
    const up = operation("upvotePaper");
    const upvoted = await call(up, { token: tokens.write });
    expect(upvoted.body).toEqual({ paperId: "2606.11176", upvoted: true, upvotes: 11 });
    expectDocumented(up, upvoted);
    expect((await call(up, { token: tokens.write })).body).toEqual(upvoted.body);
    const listed = (await call(operation("listUpvotes"), { token: tokens.read })).body as { id: string }[];
    expect(listed.map((paper) => paper.id)).toEqual(["2606.11176", "2606.11177"]);

    const down = operation("removeUpvote");
    const removed = await call(down, { token: tokens.write });
    expect(removed.body).toEqual({ paperId: "2606.11176", upvoted: false, upvotes: 10 });
    expectDocumented(down, removed);
    const unknown = await call(up, { token: tokens.write, url: "/api/me/upvotes/2606.99999" });
    expect(unknown.status).toBe(404);
    expectDocumented(up, unknown);
  });
});
