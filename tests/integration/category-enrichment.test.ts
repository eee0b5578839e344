import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncSourcesSchema } from "@/lib/sync-sources";
import { getAdminOverview } from "@/server/admin/overview";
import { blankPaperRecord } from "@/server/ingest/paper-record";
import { writePapers } from "@/server/ingest/write-papers";
import { ARXIV_REQUEST_GAP_MS } from "@/server/sync/arxiv-source";
import { IDS_PER_REQUEST } from "@/server/sync/enrich-categories";
import { acquireSyncLock } from "@/server/sync/lock";
import { runSync, type SyncOptions, type SyncReport } from "@/server/sync/run-sync";
import { ARXIV_ID_FORMAT_ERROR, arxivIdListAnswer, arxivListingPage, submissions } from "../support/arxiv-feed";
import { HF_FIXTURES } from "../support/fixtures";
import { closedPortUrl, startReplayServer, type Reply, type ReplayServer } from "../support/replay-server";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const NOW = new Date("2026-06-16T12:00:00Z");
const ATOM = { "content-type": "application/atom+xml" };

let hf: ReplayServer;
let arxiv: ReplayServer;
/** The Hugging Face days the HF replay serves; other days are empty. */
let hfDays: Map<string, string>;
/** What the replayed arXiv knows: each paper's categories, primary first. */
let known: Map<string, string[]>;
/** Replaces the replayed arXiv's answers while set. */
let arxivOverride: ((url: URL) => Reply) | null;
let sleeps: number[];

beforeAll(async () => {
  hf = await startReplayServer((url) => {
    const page = Number(url.searchParams.get("p") ?? "0");
    return { status: 200, body: page === 0 ? (hfDays.get(url.searchParams.get("date") ?? "") ?? "[]") : "[]" };
  });
  arxiv = await startReplayServer((url): Reply => {
    if (arxivOverride) return arxivOverride(url);
    const idList = url.searchParams.get("id_list");
    if (idList === null) {
      // A category listing (the arXiv source): 30 submissions, whose recorded entries carry categories.
      const listing = submissions(30, new Date("2026-06-16T08:00:00Z"));
      return { status: 200, headers: ATOM, body: arxivListingPage(listing, Number(url.searchParams.get("start")), 100) };
    }
    return { status: 200, headers: ATOM, body: arxivIdListAnswer(idList.split(","), (id) => known.get(id)) };
  });
});

afterAll(async () => {
  await Promise.all([hf.close(), arxiv.close()]);
});

beforeEach(async () => {
  hfDays = new Map();
  known = new Map();
  arxivOverride = null;
  sleeps = [];
  hf.requests.length = 0;
  arxiv.requests.length = 0;
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "Organization", "SyncRun", "SyncCursor", "User" CASCADE`);
});

function sync(overrides: Partial<Omit<SyncOptions, "sources">> & { sources?: string } = {}): Promise<SyncReport> {
  const { sources, ...rest } = overrides;
  return runSync({
    db: t.db,
    now: () => NOW,
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    endpoints: { hf: hf.url, arxiv: `${arxiv.url}/api/query` },
    sources: sources ? syncSourcesSchema.parse(sources) : [],
    lock: () => acquireSyncLock(t.url),
    ...rest,
  });
}

function categoriesReport(report: SyncReport) {
  expect(report.status).toBe("finished");
  return report.status === "finished" ? report.categories : null;
}

const idLists = () =>
  arxiv.requests.filter((url) => url.searchParams.has("id_list")).map((url) => url.searchParams.get("id_list")!.split(","));

/** `perDay` Hugging Face papers on each of `days` feed days (no categories, as HF sends them), newest day first. */
async function addHfPapers(days: string[], perDay: number): Promise<string[]> {
  const records = days.flatMap((feedDate, day) =>
    Array.from({ length: perDay }, (_, index) =>
      blankPaperRecord({
        id: `2606.${String(10_000 + day * 1_000 + index).padStart(5, "0")}`,
        title: `Paper ${index} of ${feedDate}`,
        abstract: "An abstract.",
        authors: ["Ada Lovelace"],
        publishedAt: new Date(`${feedDate}T00:00:00Z`),
        feedDate,
        source: "HF_DAILY",
      }),
    ),
  );
  await writePapers(t.db, records);
  return records.map((record) => record.id);
}

async function categoriesOf(ids: string[]) {
  const papers = await t.db.paper.findMany({
    where: { id: { in: ids } },
    select: { id: true, categories: true, categoriesCheckedAt: true },
  });
  return new Map(papers.map((paper) => [paper.id, paper]));
}

const lacking = async () => (await getAdminOverview(t.db, NOW)).papersLackingCategories;

describe("a Hugging Face day, enriched from arXiv", () => {
  it("gives every paper its arXiv categories in one request, and keeps them through later Hugging Face refreshes", async () => {
    hfDays.set("2026-06-16", await readFile(join(HF_FIXTURES, "2026-06-16.json"), "utf8"));
    const day = (JSON.parse(hfDays.get("2026-06-16")!) as { paper: { id: string } }[]).map((item) => item.paper.id);
    const crossListed = ["cs.CL", "cs.AI", "cs.LG"];
    day.forEach((id, index) => known.set(id, index % 2 === 0 ? crossListed : ["cs.CV"]));

    const report = await sync({ sources: "hf" });

    expect(categoriesReport(report)).toEqual({
      requests: 1,
      categorized: day.length,
      unknownToArxiv: 0,
      leftForNextSync: 0,
      error: null,
    });
    expect(idLists()).toEqual([expect.arrayContaining(day)]);
    expect(arxiv.requests[0]!.searchParams.get("max_results")).toBe(String(day.length));
    expect(sleeps).toEqual([]);
    const stored = await categoriesOf(day);
    expect(stored.get(day[0]!)).toEqual({ id: day[0], categories: crossListed, categoriesCheckedAt: NOW });
    expect(stored.get(day[1]!)).toMatchObject({ categories: ["cs.CV"], categoriesCheckedAt: NOW });
    expect(await lacking()).toBe(0);

    // Hugging Face's hourly refresh of the same day changes counts, never the categories; arXiv is not asked again.
    const refreshed = JSON.parse(hfDays.get("2026-06-16")!) as { paper: { upvotes: number } }[];
    refreshed[0]!.paper.upvotes += 10;
    hfDays.set("2026-06-16", JSON.stringify(refreshed));
    arxiv.requests.length = 0;
    const again = await sync({ sources: "hf" });
    expect(again).toMatchObject({ sources: [{ status: "succeeded", updated: 1 }] });
    expect(categoriesReport(again)).toMatchObject({ requests: 0 });
    expect(arxiv.requests).toEqual([]);
    expect((await categoriesOf(day)).get(day[0]!)).toEqual({ id: day[0], categories: crossListed, categoriesCheckedAt: NOW });
  });

  it("asks for 250 papers in 3 requests of 100, 100 and 50 ids, newest feed days first, 3 s apart", async () => {
    const ids = await addHfPapers(["2026-06-16", "2026-06-15", "2026-06-14", "2026-06-13", "2026-06-12"], 50);
    ids.forEach((id) => known.set(id, ["cs.LG", "stat.ML"]));
    expect(await lacking()).toBe(250);

    const report = await sync();

    expect(categoriesReport(report)).toEqual({ requests: 3, categorized: 250, unknownToArxiv: 0, leftForNextSync: 0, error: null });
    const lists = idLists();
    expect(lists.map((list) => list.length)).toEqual([IDS_PER_REQUEST, IDS_PER_REQUEST, 50]);
    expect(new Set(lists[0])).toEqual(new Set(ids.slice(0, 100)));
    expect(new Set(lists[2])).toEqual(new Set(ids.slice(200)));
    expect(sleeps).toEqual([ARXIV_REQUEST_GAP_MS, ARXIV_REQUEST_GAP_MS]);
    expect(await t.db.paper.count({ where: { categories: { equals: ["cs.LG", "stat.ML"] } } })).toBe(250);
    expect(await lacking()).toBe(0);
  });

  it("sends at most its budget of requests a run; the next run goes on with the rest", async () => {
    const ids = await addHfPapers(["2026-06-16", "2026-06-15", "2026-06-14", "2026-06-13", "2026-06-12"], 50);
    ids.forEach((id) => known.set(id, ["cs.CV"]));

    const first = await sync({ categoryRequestsPerRun: 2 });
    expect(categoriesReport(first)).toMatchObject({ requests: 2, categorized: 200 });
    expect(await lacking()).toBe(50);
    const unchecked = await t.db.paper.findMany({ where: { categoriesCheckedAt: null }, select: { id: true } });
    expect(new Set(unchecked.map((paper) => paper.id))).toEqual(new Set(ids.slice(200)));

    arxiv.requests.length = 0;
    const second = await sync({ categoryRequestsPerRun: 2 });
    expect(categoriesReport(second)).toMatchObject({ requests: 1, categorized: 50 });
    expect(new Set(idLists()[0])).toEqual(new Set(ids.slice(200)));
    expect(await lacking()).toBe(0);
  });

  it("marks papers arXiv does not know as asked, with no categories, and never asks for them again", async () => {
    const ids = await addHfPapers(["2026-06-16"], 5);
    known.set(ids[0]!, ["cs.RO"]);
    known.set(ids[1]!, ["eess.SY", "cs.SY"]);

    const report = await sync();

    expect(categoriesReport(report)).toEqual({ requests: 1, categorized: 2, unknownToArxiv: 3, leftForNextSync: 0, error: null });
    const stored = await categoriesOf(ids);
    expect(stored.get(ids[1]!)).toMatchObject({ categories: ["eess.SY", "cs.SY"], categoriesCheckedAt: NOW });
    expect(stored.get(ids[4]!)).toMatchObject({ categories: [], categoriesCheckedAt: NOW });
    expect(await lacking()).toBe(0);

    arxiv.requests.length = 0;
    expect(categoriesReport(await sync())).toMatchObject({ requests: 0 });
    expect(arxiv.requests).toEqual([]);
  });

  it("reads old-style ids", async () => {
    await writePapers(t.db, [
      blankPaperRecord({
        id: "hep-th/9901001",
        title: "An old paper",
        abstract: "An abstract.",
        authors: ["Ada Lovelace"],
        publishedAt: new Date("1999-01-04T00:00:00Z"),
        feedDate: "2026-06-16",
        source: "HF_DAILY",
      }),
    ]);
    known.set("hep-th/9901001", ["hep-th", "gr-qc"]);

    await sync();

    expect(idLists()).toEqual([["hep-th/9901001"]]);
    expect((await categoriesOf(["hep-th/9901001"])).get("hep-th/9901001")).toMatchObject({ categories: ["hep-th", "gr-qc"] });
  });
});

describe("when arXiv fails", () => {
  it("a 503 on every attempt leaves the papers without categories and stops the run; the next sync fills them", async () => {
    const ids = await addHfPapers(["2026-06-16", "2026-06-15"], 75);
    ids.forEach((id) => known.set(id, ["cs.CL"]));
    arxivOverride = () => ({ status: 503, body: "Service Unavailable" });

    const failed = categoriesReport(await sync());

    expect(failed).toMatchObject({ requests: 1, categorized: 0, unknownToArxiv: 0, leftForNextSync: 100 });
    expect(failed?.error).toMatch(/^arXiv is unreachable: GET .* failed after 4 attempts: HTTP 503$/);
    expect(arxiv.requests).toHaveLength(4);
    expect(await lacking()).toBe(150);

    arxivOverride = null;
    arxiv.requests.length = 0;
    expect(categoriesReport(await sync())).toEqual({ requests: 2, categorized: 150, unknownToArxiv: 0, leftForNextSync: 0, error: null });
    expect(await lacking()).toBe(0);
  });

  it("an unreachable arXiv leaves the papers without categories", async () => {
    await addHfPapers(["2026-06-16"], 3);

    const report = categoriesReport(await sync({ endpoints: { hf: hf.url, arxiv: `${await closedPortUrl()}/api/query` } }));

    expect(report).toMatchObject({ requests: 1, categorized: 0, leftForNextSync: 3 });
    expect(report?.error).toMatch(/network error \(ECONNREFUSED\)/);
    expect(await lacking()).toBe(3);
  });

  it("an empty answer for many ids is arXiv's hiccup, not their verdict: they are asked again next sync", async () => {
    const ids = await addHfPapers(["2026-06-16"], 4);
    ids.forEach((id) => known.set(id, ["cs.DB"]));
    arxivOverride = (url) => ({
      status: 200,
      headers: ATOM,
      body: arxivIdListAnswer(url.searchParams.get("id_list")!.split(","), () => undefined),
    });

    expect(categoriesReport(await sync())).toMatchObject({ requests: 1, unknownToArxiv: 0, leftForNextSync: 4 });
    expect(await lacking()).toBe(4);

    arxivOverride = null;
    expect(categoriesReport(await sync())).toMatchObject({ requests: 1, categorized: 4 });
  });

  it("a request rejected for a malformed id marks that id as asked; the others are asked again next sync", async () => {
    const ids = await addHfPapers(["2026-06-16"], 2);
    await writePapers(t.db, [
      blankPaperRecord({
        id: "1234.12345",
        title: "A paper whose id arXiv calls malformed",
        abstract: "An abstract.",
        authors: ["Ada Lovelace"],
        publishedAt: NOW,
        feedDate: "2026-06-15",
        source: "HF_DAILY",
      }),
    ]);
    ids.forEach((id) => known.set(id, ["math.AG"]));
    arxivOverride = (url) =>
      url.searchParams.get("id_list")!.includes("1234.12345")
        ? { status: 400, headers: ATOM, body: ARXIV_ID_FORMAT_ERROR }
        : { status: 200, headers: ATOM, body: arxivIdListAnswer(url.searchParams.get("id_list")!.split(","), (id) => known.get(id)) };

    const rejected = categoriesReport(await sync());
    expect(rejected).toMatchObject({ requests: 1, unknownToArxiv: 1, leftForNextSync: 2 });
    expect(rejected?.error).toBe("arXiv rejected the request: incorrect id format for 1234.12345");

    expect(categoriesReport(await sync())).toMatchObject({ requests: 1, categorized: 2, leftForNextSync: 0 });
    expect(idLists().at(-1)?.sort()).toEqual([...ids].sort());
    expect(await lacking()).toBe(0);
  });
});

describe("the arXiv source", () => {
  it("stores each paper's categories from its listing, so only the others are looked up, 3 s after its last request", async () => {
    const [fromHf] = await addHfPapers(["2026-06-15"], 1);
    known.set(fromHf!, ["cs.SE"]);

    const report = await sync({ sources: "arxiv:cs.SE" });

    expect(report).toMatchObject({ sources: [{ status: "succeeded", created: 30 }] });
    expect(categoriesReport(report)).toMatchObject({ requests: 1, categorized: 1 });
    expect(idLists()).toEqual([[fromHf]]);
    // The listing fit one page, so the lookup's wait is the only one.
    expect(sleeps).toEqual([ARXIV_REQUEST_GAP_MS]);
    // The listing's entries are the recorded answer's, in order: its first is cs.SE cross-listed to cs.LG.
    const newest = await t.db.paper.findUniqueOrThrow({ where: { id: "2611.10029" } });
    expect(newest).toMatchObject({ categories: ["cs.SE", "cs.LG"], categoriesCheckedAt: NOW });
    expect(await lacking()).toBe(0);
  });
});
