import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { fetchArxivPapers } from "@/server/ingest/arxiv-client";
import { ARXIV_ID_FORMAT_ERROR } from "../support/arxiv-feed";

const recordedBody = (name: string) =>
  (JSON.parse(readFileSync(new URL(`../fixtures/arxiv-api/${name}`, import.meta.url), "utf8")) as { body: string }).body;

const FOUND = recordedBody("id_1605.08386_s0_m100_199195aa31ad.json");
const EMPTY = recordedBody("id_0000.0000_s0_m100_8b51d9633a68.json");

// Keyed by the id_list query parameter; arXiv leaves unknown ids out of its answer.
const ANSWERS: Record<string, { status: number; body: string }> = {
  "1605.08386": { status: 200, body: FOUND },
  "1605.08386,0000.0000": { status: 200, body: FOUND },
  "0000.0000": { status: 200, body: EMPTY },
  "1234.12345": { status: 400, body: ARXIV_ID_FORMAT_ERROR },
};

let server: Server;
let baseUrl: string;
let requests: URL[];
let flakyFailuresLeft: number;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push(url);
    if (url.pathname === "/flaky/query" && flakyFailuresLeft > 0) {
      flakyFailuresLeft--;
      response.writeHead(503).end("Service Unavailable");
      return;
    }
    const answer = ANSWERS[url.searchParams.get("id_list") ?? ""];
    if (!answer) {
      response.writeHead(404, { "content-type": "text/plain" }).end("no recorded answer");
      return;
    }
    response.writeHead(answer.status, { "content-type": "application/atom+xml" }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  requests = [];
  flakyFailuresLeft = 0;
});

const options = () => ({ apiUrl: `${baseUrl}/api/query`, feedDate: "2024-01-02", retry: { baseDelayMs: 1 } });

describe("fetchArxivPapers", () => {
  it("turns found ids into paper records and missing ids into failures", async () => {
    const result = await fetchArxivPapers(["1605.08386", "0000.0000"], options());

    expect(requests.map((url) => Object.fromEntries(url.searchParams))).toEqual([
      { id_list: "1605.08386,0000.0000", start: "0", max_results: "2" },
    ]);
    expect(result.failures).toEqual([{ id: "0000.0000", reason: "not found on arXiv" }]);
    expect(result.papers).toEqual([
      {
        id: "1605.08386",
        title: "Heat-bath random walks with Markov bases",
        abstract: expect.stringMatching(/^Graphs on lattice points/),
        authors: ["Caprice Stanley", "Tobias Windisch"],
        publishedAt: new Date("2016-05-26T17:59:46Z"),
        feedDate: "2024-01-02",
        submittedAt: null,
        source: "ARXIV",
        organization: null,
        submitter: null,
        // arXiv does not say who verified their authorship: the stored verified authors stay.
        verifiedAuthors: null,
        upstreamUpvotes: 0,
        upstreamComments: 0,
        githubRepo: null,
        githubStars: null,
        projectPage: null,
        thumbnailUrl: null,
        mediaUrls: [],
        aiSummary: null,
        aiKeywords: [],
        categories: ["math.CO", "math.ST"],
        categoriesCheckedAt: expect.any(Date),
      },
    ]);
  });

  it("fails every id of a request arXiv rejects, with arXiv's message", async () => {
    const result = await fetchArxivPapers(["1234.12345"], options());

    expect(result).toEqual({
      papers: [],
      failures: [{ id: "1234.12345", reason: "arXiv rejected the request: incorrect id format for 1234.12345" }],
    });
  });

  it("reports a non-Atom error answer with its status", async () => {
    const result = await fetchArxivPapers(["2401.00001"], options());

    expect(result.failures).toEqual([{ id: "2401.00001", reason: "arXiv answered HTTP 404" }]);
  });

  it("fails ids that are not arXiv ids without asking arXiv", async () => {
    const result = await fetchArxivPapers(["not-an-id"], options());

    expect(requests).toEqual([]);
    expect(result.failures).toEqual([{ id: "not-an-id", reason: "is not an arXiv id" }]);
  });

  it("asks for at most 50 ids at a time", async () => {
    const ids = Array.from({ length: 51 }, (_, index) => `2401.${String(index).padStart(5, "0")}`);

    const result = await fetchArxivPapers(ids, options());

    expect(requests.map((url) => url.searchParams.get("max_results"))).toEqual(["50", "1"]);
    expect(requests.map((url) => url.searchParams.get("id_list")?.split(",").length)).toEqual([50, 1]);
    expect(result.failures.map((failure) => failure.id)).toEqual(ids);
  });

  it("retries while arXiv is unavailable", async () => {
    flakyFailuresLeft = 2;

    const result = await fetchArxivPapers(["1605.08386"], { ...options(), apiUrl: `${baseUrl}/flaky/query` });

    expect(requests).toHaveLength(3);
    expect(result.failures).toEqual([]);
    expect(result.papers.map((paper) => paper.id)).toEqual(["1605.08386"]);
  });

  it("reports an unreachable arXiv as failures instead of throwing", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const result = await fetchArxivPapers(["1605.08386", "2401.00001"], {
      ...options(),
      apiUrl: `http://127.0.0.1:${port}/api/query`,
    });

    expect(result.papers).toEqual([]);
    expect(result.failures).toEqual([
      { id: "1605.08386", reason: expect.stringMatching(/^arXiv is unreachable: .*ECONNREFUSED/) },
      { id: "2401.00001", reason: expect.stringMatching(/^arXiv is unreachable: .*ECONNREFUSED/) },
    ]);
  });
});
