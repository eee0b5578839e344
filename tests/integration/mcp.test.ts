import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ANSWER_CHARACTERS } from "@/lib/agents/list-markdown";
import { addDays, toIsoDate } from "@/lib/dates";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { createMcpHandler } from "@/server/mcp/mcp-handler";
import { livePaperQueries } from "@/server/mcp/paper-queries";
import { createApiToken, revokeApiToken } from "@/server/tokens/api-tokens";
import { serveRouteHandler, type FetchServer } from "../support/fetch-server";
import { HF_FIXTURES } from "../support/fixtures";
import { linksOf, nodesOf, parseMarkdown, textOf } from "../support/markdown";
import { useTestDatabase } from "../support/test-db";

// The MCP server at /api/mcp, over real HTTP, as an agent's MCP client reaches it: the official
// SDK's Client and Streamable HTTP transport against the route handler on a loopback port.

const t = useTestDatabase();
const SITE = "https://papers.example";
const RECORDED = "2606.11176";
const RECORDED_TITLE = "Data Journalist Agent: Transforming Data into Verifiable Multimodal Stories";
// Yesterday, so the papers are in the trending window whenever the test runs.
const CROWDED_DAY = addDays(toIsoDate(new Date()), -1);
const CROWDED = 45;
const HOSTILE = "2612.09999";
const HOSTILE_TITLE = "# [click](javascript:alert(1)) <script>alert(1)</script> ![x](https://evil.example/x.png)";
// Fifty authors of 1,000 characters each: a rendition longer than an answer may be.
const LONG = "2612.09998";
const crowdedId = (index: number) => `2612.${String(index + 1).padStart(5, "0")}`;

let server: FetchServer;
let readToken: string;
let writeToken: string;
let userId: string;

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  const at = new Date(`${CROWDED_DAY}T00:00:00Z`);
  await t.db.paper.createMany({
    data: [
      ...Array.from({ length: CROWDED }, (_, index) => ({
        id: crowdedId(index),
        title: `Axolotl regeneration study ${index + 1}`,
        abstract: "We study axolotl limb regeneration in the laboratory over many months.",
        authors: ["Ada Lovelace"],
        publishedAt: at,
        feedDate: at,
        source: "ARXIV" as const,
        upstreamUpvotes: index,
        categories: index % 2 === 0 ? ["cs.CL"] : ["cs.LG"],
      })),
      {
        id: HOSTILE,
        title: HOSTILE_TITLE,
        abstract: "[a link](javascript:alert(2)) and <img src=x onerror=alert(3)> in an abstract.",
        authors: ["<b>Mallory</b>"],
        publishedAt: at,
        feedDate: at,
        source: "ARXIV" as const,
        upstreamUpvotes: 1_000,
      },
      {
        id: LONG,
        title: "A paper with very long author names",
        abstract: "An abstract.",
        authors: Array.from({ length: 50 }, (_, index) => `Author ${index} ${"x".repeat(1_000)}`),
        publishedAt: new Date("2024-06-03T00:00:00Z"),
        feedDate: new Date("2024-06-03"),
        source: "ARXIV" as const,
      },
    ],
  });
  const user = await t.db.user.create({ data: { email: "agent@example.org", handle: "agent" } });
  userId = user.id;
  readToken = (await createApiToken(t.db, user.id, { name: "read", scope: "READ" })).token;
  writeToken = (await createApiToken(t.db, user.id, { name: "write", scope: "WRITE" })).token;
  await t.db.savedPaper.create({ data: { userId: user.id, paperId: RECORDED, note: "Read the evaluation first." } });
  const handler = createMcpHandler({ db: t.db, siteUrl: SITE, papers: livePaperQueries(t.db) });
  server = await serveRouteHandler((request) => handler(request, undefined));
});

afterAll(async () => {
  await server?.close();
});

const endpoint = () => new URL(`${server.url}/api/mcp`);

async function connect(token?: string): Promise<Client> {
  const client = new Client({ name: "daily-papers-test", version: "1.0.0" });
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  await client.connect(new StreamableHTTPClientTransport(endpoint(), { requestInit: { headers } }));
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const [content] = result.content;
  expect(content?.type).toBe("text");
  return { error: result.isError === true, text: content?.type === "text" ? content.text : "" };
}

/** The text of a successful answer. */
async function answer(client: Client, name: string, args: Record<string, unknown> = {}): Promise<string> {
  const result = await call(client, name, args);
  expect(result.error, result.text).toBe(false);
  expect(result.text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARACTERS);
  return result.text;
}

/** The arXiv ids a list answer numbers, in order (each item links the paper's `.md`). */
function listedIds(markdown: string): string[] {
  return [...markdown.matchAll(/^\d+\. \[.*\]\(https:\/\/papers\.example\/papers\/(.+)\.md\)$/gm)].map((match) => match[1]!);
}

/** The list answer parses as Markdown with no HTML, image or script link in it. */
function expectInert(markdown: string) {
  const tree = parseMarkdown(markdown);
  expect(nodesOf(tree).filter((node) => node.type === "html" || node.type === "image")).toEqual([]);
  for (const link of linksOf(tree)) expect(link.url).toMatch(/^https:\/\//);
}

describe("the MCP server at /api/mcp", () => {
  it("lists its tools, read-only but for save_paper, each with a description and an input schema", async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      "for_you",
      "get_paper",
      "list_papers",
      "my_library",
      "save_paper",
      "search_papers",
      "similar_papers",
      "trending",
    ]);
    for (const tool of tools) {
      expect(tool.description, tool.name).toBeTruthy();
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(tool.name !== "save_paper");
    }
    expect(tools.find((tool) => tool.name === "search_papers")?.inputSchema.required).toEqual(["query"]);
    await client.close();
  });

  it("answers GET and DELETE with 405 and a JSON message: it is stateless, with no stream to open", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(endpoint(), { method, headers: { accept: "text/event-stream" } });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      const body = (await response.json()) as { jsonrpc: string; error: { message: string } };
      expect(body.jsonrpc).toBe("2.0");
      expect(body.error.message).toContain("stateless");
    }
  });

  it("searches, 20 papers a page, each page naming the next", async () => {
    const client = await connect();
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(await answer(client, "search_papers", { query: "axolotl", page }));
    const ids = pages.map(listedIds);
    expect(ids.map((list) => list.length)).toEqual([20, 20, 5]);
    expect(new Set(ids.flat()).size).toBe(CROWDED);
    expect(ids.flat().every((id) => id.startsWith("2612."))).toBe(true);
    expect(pages[0]).toContain("Papers 1–20 of 45, page 1 of 3.");
    expect(pages[0]).toContain("`search_papers` again with the same arguments and `page: 2`");
    expect(pages[1]).toContain("Papers 21–40 of 45, page 2 of 3.");
    expect(pages[1]).toContain("`page: 3`");
    expect(pages[2]).toContain("This is the last page.");
    // The numbering continues from page to page.
    expect(pages[1]).toMatch(/^21\. \[/m);
    const past = await answer(client, "search_papers", { query: "axolotl", page: 4 });
    expect(listedIds(past)).toEqual([]);
    expect(past).toContain("Page 4 is past the end of the list: it has 45 papers on 3 pages.");
    expect(await answer(client, "search_papers", { query: "no such word anywhere zyxwvu" })).toContain("No paper matches.");
    await client.close();
  });

  it("reads one paper as its Markdown rendition, and says why it cannot", async () => {
    const client = await connect();
    const paper = await answer(client, "get_paper", { id: `https://arxiv.org/abs/${RECORDED}v2` });
    const tree = parseMarkdown(paper);
    expect(textOf(tree.children[0]!)).toBe(RECORDED_TITLE);
    expect(linksOf(tree).map((link) => link.url)).toContain(`https://arxiv.org/abs/${RECORDED}`);
    expect(await call(client, "get_paper", { id: "2612.88888" })).toEqual({ error: true, text: expect.stringMatching(/^404 NOT_FOUND: /) });
    expect(await call(client, "get_paper", { id: "not a paper" })).toEqual({
      error: true,
      text: expect.stringContaining("is not an arXiv id"),
    });
    await client.close();
  });

  it("lists a period's papers with the lists' sorts and filters, a page at a time", async () => {
    const client = await connect();
    const first = await answer(client, "list_papers", { period: "day", date: CROWDED_DAY, sort: "upvotes" });
    const second = await answer(client, "list_papers", { period: "day", date: CROWDED_DAY, sort: "upvotes", page: 2 });
    const third = await answer(client, "list_papers", { period: "day", date: CROWDED_DAY, sort: "upvotes", page: 3 });
    // The hostile paper (most upvotes), then the crowded ones from the most upvoted down.
    expect(listedIds(first)).toEqual([HOSTILE, ...Array.from({ length: 19 }, (_, index) => crowdedId(CROWDED - 1 - index))]);
    expect(listedIds(second)).toEqual(Array.from({ length: 20 }, (_, index) => crowdedId(CROWDED - 20 - index)));
    expect(listedIds(third)).toEqual(Array.from({ length: 6 }, (_, index) => crowdedId(5 - index)));
    expect(first).toContain("46 papers added to the feed, most upvoted first.");
    expect(first).toContain("`list_papers` again with the same arguments and `page: 2`");
    expect(third).toContain("This is the last page.");
    expectInert(first);

    const filtered = await answer(client, "list_papers", { period: "week", date: CROWDED_DAY, cat: ["cs.CL"], min: 40 });
    expect(listedIds(filtered).sort()).toEqual([crowdedId(40), crowdedId(42), crowdedId(44)]);
    expect(filtered).toContain("only those in cs.CL, 40+ upvotes");

    const latest = await answer(client, "list_papers", {});
    expect(latest).toContain("46 papers added to the feed, in trending order.");

    expect(await call(client, "list_papers", { cat: ["cs.XX"] })).toEqual({
      error: true,
      text: expect.stringMatching(/^400 BAD_REQUEST: cat: /),
    });
    expect(await call(client, "list_papers", { date: "2026-02-30" })).toEqual({
      error: true,
      text: expect.stringMatching(/^400 BAD_REQUEST: date: /),
    });
    expect(await call(client, "list_papers", { period: "year" })).toMatchObject({ error: true });
    await client.close();
  });

  it("lists trending and similar papers, a page at a time", async () => {
    const client = await connect();
    const first = await answer(client, "trending");
    const second = await answer(client, "trending", { page: 2 });
    expect(listedIds(first)).toHaveLength(20);
    expect(listedIds(first)[0]).toBe(HOSTILE);
    expect(listedIds(second)).toHaveLength(20);
    expect(listedIds(second).filter((id) => listedIds(first).includes(id))).toEqual([]);
    expect(first).toContain("`trending` again with the same arguments and `page: 2`");

    const similar = await answer(client, "similar_papers", { id: crowdedId(0) });
    const more = await answer(client, "similar_papers", { id: crowdedId(0), page: 2 });
    expect(listedIds(similar)).toHaveLength(20);
    expect(listedIds(more)).toHaveLength(10);
    expect([...listedIds(similar), ...listedIds(more)]).not.toContain(crowdedId(0));
    expect(new Set([...listedIds(similar), ...listedIds(more)]).size).toBe(30);
    expect(more).toContain("This is the last page.");
    expect(await call(client, "similar_papers", { id: "2612.88888" })).toMatchObject({ error: true, text: expect.stringMatching(/^404 /) });
    await client.close();
  });

  it("answers hostile input with a tool error or inert text, never a failed request", async () => {
    const client = await connect();
    const huge = await call(client, "search_papers", { query: "x".repeat(10_240) });
    expect(huge.error).toBe(true);
    expect(huge.text).toContain("too long");

    const hostile = await answer(client, "search_papers", {
      query: "axolotl\u0000\u0007\u001b[31m <script>alert(1)</script> [x](javascript:alert(1)) ![i](https://evil.example/i.png)",
    });
    expectInert(hostile);
    expect(hostile).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(parseMarkdown(hostile).children[0]).toMatchObject({ type: "heading", depth: 1 });

    // A paper whose title and abstract are Markdown and HTML reads as that text.
    const paper = await answer(client, "get_paper", { id: HOSTILE });
    expectInert(paper);
    expect(textOf(parseMarkdown(paper).children[0]!)).toBe(HOSTILE_TITLE);
    const long = await answer(client, "get_paper", { id: LONG });
    expect(long).toMatch(/^# A paper with very long author names$/m);
    expect(long).toContain(`(Cut at 30,000 characters. The whole text: ${SITE}/papers/${LONG}.md)`);

    expect(await call(client, "list_papers", { cat: Array.from({ length: 21 }, () => "cs.CL") })).toMatchObject({ error: true });
    expect(await call(client, "search_papers", { query: "axolotl", page: 0 })).toMatchObject({ error: true });
    expect(await call(client, "search_papers", { query: 42 })).toMatchObject({ error: true });
    expect(await call(client, "search_papers", {})).toMatchObject({ error: true });
    await client.close();

    // Not JSON-RPC at all: a 4xx from the transport, not a 500.
    const junk = await fetch(endpoint(), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: "{not json",
    });
    expect(junk.status).toBe(400);
    const oversized = await fetch(endpoint(), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { padding: "x".repeat(100_000) } }),
    });
    expect(oversized.status).toBe(413);
  });

  it("reads and changes the reader's library with a token, and tells anyone without one how to make one", async () => {
    const anonymous = await connect();
    const refused = await call(anonymous, "my_library");
    expect(refused.error).toBe(true);
    expect(refused.text).toMatch(/^401 UNAUTHORIZED: /);
    expect(refused.text).toContain(`${SITE}/me#tokens`);
    expect(await call(anonymous, "save_paper", { id: crowdedId(3) })).toMatchObject({ error: true, text: expect.stringMatching(/^401 /) });
    expect(await call(anonymous, "for_you")).toMatchObject({ error: true, text: expect.stringMatching(/^401 /) });
    await anonymous.close();

    const reader = await connect(readToken);
    const library = await answer(reader, "my_library");
    expect(listedIds(library)).toEqual([RECORDED]);
    expect(library).toContain("Your note: Read the evaluation first.");
    const readOnly = await call(reader, "save_paper", { id: crowdedId(3) });
    expect(readOnly.error).toBe(true);
    expect(readOnly.text).toMatch(/^403 FORBIDDEN: This token is read-only/);
    expect(await t.db.savedPaper.count({ where: { userId, paperId: crowdedId(3) } })).toBe(0);
    const forYou = await answer(reader, "for_you");
    expect(forYou).toMatch(/^# For you$/m);
    expect(listedIds(forYou).length).toBeGreaterThan(0);
    expect(forYou).toContain("Why: ");
    await reader.close();

    const writer = await connect(writeToken);
    expect(await answer(writer, "save_paper", { id: crowdedId(3) })).toContain(`Saved arXiv ${crowdedId(3)}`);
    expect(await t.db.savedPaper.count({ where: { userId, paperId: crowdedId(3) } })).toBe(1);
    expect(listedIds(await answer(writer, "my_library"))).toEqual([crowdedId(3), RECORDED]);
    expect(await call(writer, "save_paper", { id: "2612.88888" })).toMatchObject({ error: true, text: expect.stringMatching(/^404 /) });
    await answer(writer, "save_paper", { id: crowdedId(3), saved: false });
    expect(await t.db.savedPaper.count({ where: { userId, paperId: crowdedId(3) } })).toBe(0);
    await writer.close();

    // Each request spent the token's own budget, as the REST API's do.
    const { id: writeTokenId } = await t.db.apiToken.findFirstOrThrow({ where: { name: "write" } });
    expect(await t.db.rateLimitEvent.count({ where: { key: `api-token:${writeTokenId}` } })).toBeGreaterThan(0);
  });

  it("refuses a revoked, unknown or malformed token with a 401 on the request, as the REST API does", async () => {
    const user = await t.db.user.create({ data: { email: "revoked@example.org" } });
    const { token, summary } = await createApiToken(t.db, user.id, { name: "soon revoked", scope: "READ" });
    const client = await connect(token);
    expect(listedIds(await answer(client, "my_library"))).toEqual([]);
    await client.close();
    await revokeApiToken(t.db, user.id, summary.id, new Date());

    const error = await connect(token).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(StreamableHTTPError);
    expect((error as StreamableHTTPError).code).toBe(401);
    expect((error as Error).message).toContain("revoked");

    for (const bad of [token, `dp_${"A".repeat(43)}`, "not-a-token"]) {
      const response = await fetch(endpoint(), {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${bad}` },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
      expect(response.status, bad).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    }
  });
});
