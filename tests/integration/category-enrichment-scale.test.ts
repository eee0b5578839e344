// Issue 21, "Scale": the arXiv enrichment of 700 Hugging Face papers (a busy day's worth, without
// categories, as Hugging Face sends them) takes 7 id_list requests to a replayed arXiv API, in one
// sync, and is resumable: a run that fails on its 4th request, or is killed before it, leaves the
// answered 300 papers done, and the next sync asks for the other 400 only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getAdminOverview } from "@/server/admin/overview";
import { blankPaperRecord } from "@/server/ingest/paper-record";
import { writePapers } from "@/server/ingest/write-papers";
import { ARXIV_REQUEST_GAP_MS } from "@/server/sync/arxiv-source";
import { CATEGORY_REQUESTS_PER_RUN, IDS_PER_REQUEST } from "@/server/sync/enrich-categories";
import { acquireSyncLock } from "@/server/sync/lock";
import { runSync, type SyncOptions, type SyncReport } from "@/server/sync/run-sync";
import { arxivIdListAnswer } from "../support/arxiv-feed";
import { startReplayServer, type Reply, type ReplayServer } from "../support/replay-server";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const NOW = new Date("2026-06-16T12:00:00Z");
const ATOM = { "content-type": "application/atom+xml" };
const PAPERS = 700;
const DAYS = 14;
const PER_DAY = PAPERS / DAYS;

let hf: ReplayServer;
let arxiv: ReplayServer;
/** What the replayed arXiv knows: each paper's categories, primary first. */
let known: Map<string, string[]>;
/** id_list requests answered 200 so far. */
let answered: number;
/** While set, every attempt at the id_list request after this many answered ones gets a 503. */
let failAfter: number | null;
let sleeps: number[];
/** Throws from the politeness wait before the request after this many answered ones: the process is killed there. */
let killAfter: number | null;

beforeAll(async () => {
  hf = await startReplayServer(() => ({ status: 200, body: "[]" }));
  arxiv = await startReplayServer((url): Reply => {
    const ids = url.searchParams.get("id_list")?.split(",") ?? [];
    if (failAfter !== null && answered >= failAfter) return { status: 503, body: "Service Unavailable" };
    answered += 1;
    return { status: 200, headers: ATOM, body: arxivIdListAnswer(ids, (id) => known.get(id)) };
  });
});

afterAll(async () => {
  await Promise.all([hf.close(), arxiv.close()]);
});

beforeEach(async () => {
  known = new Map();
  answered = 0;
  failAfter = null;
  killAfter = null;
  sleeps = [];
  arxiv.requests.length = 0;
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "Organization", "SyncRun", "SyncCursor" CASCADE`);
});

function sync(overrides: Partial<SyncOptions> = {}): Promise<SyncReport> {
  return runSync({
    db: t.db,
    now: () => NOW,
    fetch,
    sleep: async (ms) => {
      if (killAfter !== null && answered >= killAfter) throw new Error("killed");
      sleeps.push(ms);
    },
    endpoints: { hf: hf.url, arxiv: `${arxiv.url}/api/query` },
    sources: [],
    lock: () => acquireSyncLock(t.url),
    ...overrides,
  });
}

function categoriesReport(report: SyncReport) {
  expect(report.status).toBe("finished");
  return report.status === "finished" ? report.categories : null;
}

/** Each id_list request's ids, in the order sent (a retried request appears once per attempt). */
const idLists = () => arxiv.requests.map((url) => url.searchParams.get("id_list")!.split(","));

/** 700 Hugging Face papers, 50 on each of 14 feed days, without categories; ids by day, newest day first. */
async function addHfPapers(): Promise<string[][]> {
  const days = Array.from({ length: DAYS }, (_, day) => new Date(NOW.getTime() - day * 86_400_000).toISOString().slice(0, 10));
  const byDay = days.map((feedDate, day) =>
    Array.from({ length: PER_DAY }, (_, index) =>
      blankPaperRecord({
        id: `2606.${String(10_000 + day * 100 + index).padStart(5, "0")}`,
        title: `Paper ${index} of ${feedDate}`,
        abstract: "An abstract.",
        authors: ["Ada Lovelace"],
        publishedAt: new Date(`${feedDate}T00:00:00Z`),
        feedDate,
        source: "HF_DAILY",
      }),
    ),
  );
  await writePapers(t.db, byDay.flat());
  byDay.flat().forEach((record, index) => known.set(record.id, index % 3 === 0 ? ["cs.CL", "cs.AI", "cs.LG"] : ["cs.CV"]));
  return byDay.map((records) => records.map((record) => record.id));
}

const lacking = async () => (await getAdminOverview(t.db, NOW)).papersLackingCategories;

async function categorized(): Promise<Set<string>> {
  const papers = await t.db.paper.findMany({ where: { categoriesCheckedAt: { not: null } }, select: { id: true, categories: true } });
  for (const paper of papers) expect(paper.categories).toEqual(known.get(paper.id));
  return new Set(papers.map((paper) => paper.id));
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

// Each sync also ranks up to 200 similar-paper lists of the 700 new papers: seconds, more on a busy machine.
describe("enriching 700 Hugging Face papers from a replayed arXiv", { timeout: 90_000 }, () => {
  it("takes 7 requests of 100 ids, newest days first, 3 s apart, in one sync; the next sync asks nothing", async () => {
    const byDay = await addHfPapers();
    expect(await lacking()).toBe(PAPERS);
    // The per-run bound allows the whole day in one run.
    expect(CATEGORY_REQUESTS_PER_RUN * IDS_PER_REQUEST).toBeGreaterThanOrEqual(PAPERS);

    const report = categoriesReport(await sync());

    expect(report).toEqual({ requests: 7, categorized: PAPERS, unknownToArxiv: 0, leftForNextSync: 0, error: null });
    const lists = idLists();
    expect(lists).toHaveLength(7);
    // Request i holds feed days 2i and 2i + 1 (newest first), each id once over all requests.
    lists.forEach((list, request) => expect(sorted(list)).toEqual(sorted(byDay.slice(2 * request, 2 * request + 2).flat())));
    expect(new Set(lists.flat()).size).toBe(PAPERS);
    expect(arxiv.requests.map((url) => url.searchParams.get("max_results"))).toEqual(Array(7).fill(String(IDS_PER_REQUEST)));
    expect(sleeps).toEqual(Array(6).fill(ARXIV_REQUEST_GAP_MS));
    expect((await categorized()).size).toBe(PAPERS);
    expect(await lacking()).toBe(0);

    arxiv.requests.length = 0;
    expect(categoriesReport(await sync())).toMatchObject({ requests: 0, categorized: 0 });
    expect(arxiv.requests).toEqual([]);
  });

  it("resumes after arXiv fails on the 4th request: the next sync asks for the 400 left, none of the 300 done", async () => {
    const byDay = await addHfPapers();
    failAfter = 3;

    const failed = categoriesReport(await sync());

    expect(failed).toMatchObject({ requests: 4, categorized: 300, unknownToArxiv: 0, leftForNextSync: 100 });
    expect(failed?.error).toMatch(/HTTP 503$/);
    const firstRun = idLists();
    // Three answered requests, then the 4th tried until the client gives up (the same 100 ids each time); no 5th.
    const attempts = firstRun.slice(3);
    expect(attempts.length).toBeGreaterThan(1);
    for (const attempt of attempts) expect(sorted(attempt)).toEqual(sorted(byDay.slice(6, 8).flat()));
    const done = await categorized();
    expect(sorted(done)).toEqual(sorted(byDay.slice(0, 6).flat()));
    expect(await lacking()).toBe(400);

    failAfter = null;
    arxiv.requests.length = 0;
    const resumed = categoriesReport(await sync());

    expect(resumed).toEqual({ requests: 4, categorized: 400, unknownToArxiv: 0, leftForNextSync: 0, error: null });
    const secondRun = idLists();
    expect(secondRun).toHaveLength(4);
    expect(secondRun.flat().filter((id) => done.has(id))).toEqual([]);
    expect(sorted(secondRun.flat())).toEqual(sorted(byDay.slice(6).flat()));
    expect((await categorized()).size).toBe(PAPERS);
    expect(await lacking()).toBe(0);
  });

  it("resumes after the process is killed between the 3rd and 4th request: 3 + 4 requests in all, no id asked twice", async () => {
    const byDay = await addHfPapers();
    killAfter = 3;

    await expect(sync()).rejects.toThrow("killed");

    expect(idLists()).toHaveLength(3);
    expect(sorted(await categorized())).toEqual(sorted(byDay.slice(0, 6).flat()));
    expect(await lacking()).toBe(400);

    killAfter = null;
    const resumed = categoriesReport(await sync());

    expect(resumed).toEqual({ requests: 4, categorized: 400, unknownToArxiv: 0, leftForNextSync: 0, error: null });
    const all = idLists();
    expect(all).toHaveLength(7);
    expect(all.flat()).toHaveLength(PAPERS);
    expect(new Set(all.flat()).size).toBe(PAPERS);
    expect(await lacking()).toBe(0);
  });
});
