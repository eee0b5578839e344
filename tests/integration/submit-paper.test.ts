import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitPaper, type SubmissionDeps } from "@/server/submissions/submit-paper";
import { createPaper, createSignedInUser } from "../support/accounts";
import { ARXIV_FIXTURES } from "../support/fixtures";
import { closedPortUrl, startReplayServer, type ReplayServer } from "../support/replay-server";
import { useTestDatabase } from "../support/test-db";

const recorded = (name: string) => (JSON.parse(readFileSync(`${ARXIV_FIXTURES}${name}`, "utf8")) as { body: string }).body;
const ANSWERS: Record<string, string> = {
  "1605.08386": recorded("id_1605.08386_s0_m100_199195aa31ad.json"),
  "0000.0000": recorded("id_0000.0000_s0_m100_8b51d9633a68.json"),
};
const NOW = new Date("2026-11-29T09:30:00Z");

const database = useTestDatabase();
let arxiv: ReplayServer;
let arxivDown = false;
let userId: string;

beforeAll(async () => {
  arxiv = await startReplayServer((url) => {
    if (arxivDown) return { status: 503, body: "Service Unavailable", headers: { "content-type": "text/plain" } };
    const body = ANSWERS[url.searchParams.get("id_list") ?? ""];
    return body ? { status: 200, body, headers: { "content-type": "application/atom+xml" } } : { status: 404, body: "no recording" };
  });
  userId = (await createSignedInUser(database.db, "submitter@example.com")).user.id;
});

afterAll(async () => {
  await arxiv?.close();
});

beforeEach(async () => {
  arxivDown = false;
  arxiv.requests.length = 0;
  await database.db.rateLimitEvent.deleteMany();
});

const deps = (overrides: Partial<SubmissionDeps> = {}): SubmissionDeps => ({
  db: database.db,
  arxivApiUrl: `${arxiv.url}/api/query`,
  rateLimit: { limit: 5, windowMs: 3_600_000 },
  retry: { attempts: 2, baseDelayMs: 1, timeoutMs: 2_000 },
  now: NOW,
  ...overrides,
});

describe("submitting a paper", () => {
  it("adds a paper found on arXiv to today's feed with the user as submitter, then reports it as present", async () => {
    const added = await submitPaper(deps(), userId, { arxiv: " https://arxiv.org/abs/1605.08386v1 " });
    expect(added.status).toBe("added");
    expect(added.paper.id).toBe("1605.08386");
    const paper = await database.db.paper.findUniqueOrThrow({ where: { id: "1605.08386" } });
    expect(paper).toMatchObject({ source: "ARXIV", submittedById: userId, localUpvotes: 0, upstreamUpvotes: 0 });
    // With its categories as arXiv answered, so the sync never looks them up.
    expect(paper.categories).toEqual(["math.CO", "math.ST"]);
    expect(paper.categoriesCheckedAt).not.toBeNull();
    expect(paper.feedDate.toISOString().slice(0, 10)).toBe("2026-11-29");
    expect(paper.title).toBe(added.paper.title);
    expect(paper.authors.length).toBeGreaterThan(0);

    const again = await submitPaper(deps(), userId, { arxiv: "arXiv:1605.08386" });
    expect(again).toEqual({ status: "exists", paper: added.paper });
    expect(arxiv.requests).toHaveLength(1);
  });

  it("reports a paper already in the feed without asking arXiv or changing it", async () => {
    await createPaper(database.db, "hep-th/9901001", 12);
    const result = await submitPaper(deps(), userId, { arxiv: "hep-th/9901001" });
    expect(result).toEqual({ status: "exists", paper: { id: "hep-th/9901001", title: "Paper hep-th/9901001" } });
    expect(arxiv.requests).toHaveLength(0);
    expect((await database.db.paper.findUniqueOrThrow({ where: { id: "hep-th/9901001" } })).submittedById).toBeNull();
  });

  it.each([
    [{ arxiv: "" }, "Enter an arXiv id or link."],
    [{}, "Enter an arXiv id or link."],
    [{ arxiv: "https://example.com/abs/2401.00001" }, "That is not an arXiv id or link."],
    [{ arxiv: "2401.1" }, "That is not an arXiv id or link."],
  ])("refuses %j with a clear message", async (input, message) => {
    await expect(submitPaper(deps(), userId, input)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(new RegExp(`^${message}`)),
    });
    expect(arxiv.requests).toHaveLength(0);
  });

  it("says so when arXiv has no such paper, and writes nothing", async () => {
    const before = await database.db.paper.count();
    await expect(submitPaper(deps(), userId, { arxiv: "0000.0000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "arXiv has no paper 0000.0000. Check the id and try again.",
    });
    expect(await database.db.paper.count()).toBe(before);
  });

  it.each([
    ["answers 503", async () => `${arxiv.url}/api/query`],
    ["is unreachable", async () => `${await closedPortUrl()}/api/query`],
  ])("writes nothing when arXiv %s", async (_, apiUrl) => {
    arxivDown = true;
    const before = await database.db.paper.count();
    await expect(submitPaper(deps({ arxivApiUrl: await apiUrl() }), userId, { arxiv: "2401.00001" })).rejects.toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      message: "arXiv is not answering right now, so nothing was added. Please try again in a few minutes.",
    });
    expect(await database.db.paper.count()).toBe(before);
  });

  it("gives up on a slow arXiv within the time limit", async () => {
    const slow = await startReplayServer(() => new Promise(() => {}));
    const started = Date.now();
    await expect(
      submitPaper(deps({ arxivApiUrl: `${slow.url}/api/query`, retry: { attempts: 1, timeoutMs: 300 } }), userId, { arxiv: "2401.00002" }),
    ).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await database.db.paper.findUnique({ where: { id: "2401.00002" } })).toBeNull();
    slow.close().catch(() => {});
  });

  it("limits submissions per user", async () => {
    const strict = deps({ rateLimit: { limit: 1, windowMs: 3_600_000 } });
    await expect(submitPaper(strict, userId, { arxiv: "0000.0000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitPaper(strict, userId, { arxiv: "0000.0000" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "You have submitted a lot of papers in the last hour. Try again in 1 hour.",
    });
    expect(arxiv.requests).toHaveLength(1);
  });

  it("counts only attempts that reached arXiv: submissions while it is down cost nothing", async () => {
    const strict = deps({ rateLimit: { limit: 1, windowMs: 3_600_000 } });
    await database.db.paper.deleteMany({ where: { id: "1605.08386" } });
    arxivDown = true;
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(submitPaper(strict, userId, { arxiv: "1605.08386" })).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    }
    arxivDown = false;
    await expect(submitPaper(strict, userId, { arxiv: "1605.08386" })).resolves.toMatchObject({ status: "added" });
    await expect(submitPaper(strict, userId, { arxiv: "0000.0000" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
