import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncSourcesSchema } from "@/lib/sync-sources";
import type { Db } from "@/server/db";
import { ARXIV_PAGE_SIZE, ARXIV_REQUEST_GAP_MS } from "@/server/sync/arxiv-source";
import { createCronSyncHandler } from "@/server/sync/cron-sync-handler";
import { acquireSyncLock } from "@/server/sync/lock";
import { runSync, type SyncOptions } from "@/server/sync/run-sync";
import { castUpvote } from "@/server/votes/votes";
import { createSignedInUser } from "../support/accounts";
import { arxivIdListAnswer, arxivListingPage, submissions, type SyntheticSubmission } from "../support/arxiv-feed";
import { HF_FIXTURES, PROJECT_DIR } from "../support/fixtures";
import { closedPortUrl, startReplayServer, type Reply, type ReplayServer } from "../support/replay-server";
import { createTestDatabase, useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const NOW = new Date("2026-06-16T12:00:00Z");

let hf: ReplayServer;
let arxiv: ReplayServer;
/** What the HF replay serves per day (JSON text); days not listed are empty, as on the real API. */
let hfDays: Map<string, string>;
let hfDelayMs = 0;
let listing: SyntheticSubmission[];
let arxivUnavailableAnswers = 0;
/** Called before the arXiv replay answers a page (the kill test stops the sync there). */
let beforeArxivPage: (start: number) => void = () => undefined;
let sleeps: number[];

async function fixture(date: string): Promise<string> {
  return readFile(join(HF_FIXTURES, `${date}.json`), "utf8");
}

beforeAll(async () => {
  hf = await startReplayServer(async (url) => {
    if (hfDelayMs) await new Promise((resolve) => setTimeout(resolve, hfDelayMs));
    const date = url.searchParams.get("date") ?? "";
    const page = Number(url.searchParams.get("p") ?? "0");
    return { status: 200, body: page === 0 ? (hfDays.get(date) ?? "[]") : "[]" };
  });
  arxiv = await startReplayServer((url): Reply => {
    if (arxivUnavailableAnswers > 0) {
      arxivUnavailableAnswers -= 1;
      return { status: 503, body: "Service Unavailable", headers: { "retry-after": "1" } };
    }
    // The category lookup of Hugging Face's papers (src/server/sync/enrich-categories.ts).
    const idList = url.searchParams.get("id_list");
    if (idList !== null) {
      return {
        status: 200,
        body: arxivIdListAnswer(idList.split(","), () => ["cs.CL"]),
        headers: { "content-type": "application/atom+xml" },
      };
    }
    const start = Number(url.searchParams.get("start"));
    beforeArxivPage(start);
    return {
      status: 200,
      body: arxivListingPage(listing, start, Number(url.searchParams.get("max_results"))),
      headers: { "content-type": "application/atom+xml" },
    };
  });
});

afterAll(async () => {
  await Promise.all([hf.close(), arxiv.close()]);
});

beforeEach(async () => {
  hfDays = new Map([
    ["2026-06-10", await fixture("2026-06-10")],
    ["2026-06-16", await fixture("2026-06-16")],
  ]);
  hfDelayMs = 0;
  listing = submissions(250, new Date("2026-06-16T08:00:00Z"));
  arxivUnavailableAnswers = 0;
  beforeArxivPage = () => undefined;
  sleeps = [];
  hf.requests.length = 0;
  arxiv.requests.length = 0;
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "Organization", "SyncRun", "SyncCursor", "User" CASCADE`);
});

function syncOptions(db: Db, url: string, sources: string, overrides: Partial<SyncOptions> = {}): SyncOptions {
  return {
    db,
    now: () => NOW,
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    endpoints: { hf: hf.url, arxiv: `${arxiv.url}/api/query` },
    sources: syncSourcesSchema.parse(sources),
    lock: () => acquireSyncLock(url),
    ...overrides,
  };
}

describe("runSync: Hugging Face", () => {
  it("refreshes a week of days: upstream upvotes grow, a paper moves to a later day, local votes stay", async () => {
    const first = await runSync(syncOptions(t.db, t.url, "hf"));
    expect(first).toMatchObject({ status: "finished", sources: [{ source: "hf", status: "succeeded", error: null }] });
    const created = first.status === "finished" ? first.sources[0]!.created : 0;
    expect(created).toBeGreaterThan(60);
    expect(await t.db.paper.count()).toBe(created);
    // Every paper it created got its similar-paper list as it was written; the refresh found none missing.
    expect(await t.db.similarPaperList.count()).toBe(created);
    expect(first).toMatchObject({ similarLists: { examined: created, ranked: 0 } });
    expect(hf.requests.map((url) => url.searchParams.get("date")).sort()).toEqual([
      "2026-06-10",
      "2026-06-11",
      "2026-06-12",
      "2026-06-13",
      "2026-06-14",
      "2026-06-15",
      "2026-06-16",
    ]);

    const { user } = await createSignedInUser(t.db, "reader@example.com");
    await castUpvote(t.db, user.id, "2606.14777");
    const june16 = JSON.parse(hfDays.get("2026-06-16")!) as { paper: { id: string; upvotes: number }; numComments: number }[];
    const grown = june16.find((item) => item.paper.id === "2606.14777")!;
    grown.paper.upvotes += 25;
    grown.numComments = 7;
    hfDays.set("2026-06-16", JSON.stringify(june16));
    // HF moves 2606.10651 from June 10 to June 12.
    const june10 = JSON.parse(hfDays.get("2026-06-10")!) as { paper: { id: string; submittedOnDailyAt?: string } }[];
    const moved = june10.find((item) => item.paper.id === "2606.10651")!;
    moved.paper.submittedOnDailyAt = "2026-06-12T00:00:00.000Z";
    hfDays.set("2026-06-10", JSON.stringify(june10.filter((item) => item !== moved)));
    hfDays.set("2026-06-12", JSON.stringify([moved]));

    const second = await runSync(syncOptions(t.db, t.url, "hf"));
    expect(second).toMatchObject({ status: "finished", sources: [{ status: "succeeded", created: 0, updated: 2 }] });
    const paper = await t.db.paper.findUniqueOrThrow({ where: { id: "2606.14777" } });
    expect(paper).toMatchObject({ upstreamUpvotes: 175, upstreamComments: 7, localUpvotes: 1 });
    expect(await t.db.upvote.count({ where: { paperId: "2606.14777" } })).toBe(1);
    const movedPaper = await t.db.paper.findUniqueOrThrow({ where: { id: "2606.10651" } });
    expect(movedPaper.feedDate.toISOString().slice(0, 10)).toBe("2026-06-12");
    expect(await t.db.syncRun.count({ where: { source: "hf", status: "SUCCEEDED" } })).toBe(2);
  });
});

describe("runSync: arXiv categories", () => {
  it("pages through a category listing after a 503, 3 s apart, then stops at what the last run saw", async () => {
    arxivUnavailableAnswers = 1;
    const first = await runSync(syncOptions(t.db, t.url, "arxiv:cs.LG,cs.CL"));
    expect(first).toMatchObject({ status: "finished", sources: [{ source: "arxiv:cs.CL,cs.LG", status: "succeeded", created: 250 }] });
    expect(arxiv.requests.map((url) => url.searchParams.get("start"))).toEqual(["0", "0", "100", "200"]);
    const query = arxiv.requests[0]!.searchParams;
    expect(query.get("search_query")).toBe("cat:cs.CL OR cat:cs.LG");
    expect(query.get("sortBy")).toBe("submittedDate");
    expect(query.get("sortOrder")).toBe("descending");
    expect(query.get("max_results")).toBe(String(ARXIV_PAGE_SIZE));
    // Retry-After: 1 was honoured, and every later request waited arXiv's 3 seconds.
    expect(sleeps).toEqual([1000, ARXIV_REQUEST_GAP_MS, ARXIV_REQUEST_GAP_MS]);
    const feedDays = await t.db.paper.groupBy({ by: ["feedDate"], _count: true });
    expect(feedDays.map((day) => [day.feedDate.toISOString().slice(0, 10), day._count])).toEqual([["2026-06-16", 250]]);

    listing = [...submissions(5, new Date("2026-06-16T10:00:00Z"), 20_000), ...listing];
    arxiv.requests.length = 0;
    const second = await runSync(syncOptions(t.db, t.url, "arxiv:cs.CL,cs.LG"));
    expect(second).toMatchObject({ status: "finished", sources: [{ status: "succeeded", created: 5, updated: 0 }] });
    expect(arxiv.requests.map((url) => url.searchParams.get("start"))).toEqual(["0"]);
    expect(await t.db.paper.count()).toBe(255);
  });

  it("fails an unreachable source with a message naming it, while the other sources still sync", async () => {
    const report = await runSync(
      syncOptions(t.db, t.url, "arxiv:cs.RO hf", { endpoints: { hf: hf.url, arxiv: `${await closedPortUrl()}/api/query` } }),
    );
    expect(report.status).toBe("finished");
    if (report.status !== "finished") return;
    const [robotics, huggingFace] = report.sources;
    expect(robotics).toMatchObject({ source: "arxiv:cs.RO", status: "failed", created: 0 });
    expect(robotics!.error).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/api\/query\?.* failed after 4 attempts: network error \(ECONNREFUSED\)/,
    );
    expect(huggingFace).toMatchObject({ source: "hf", status: "succeeded" });
    expect(huggingFace!.created).toBeGreaterThan(0);
    const failed = await t.db.syncRun.findFirstOrThrow({ where: { source: "arxiv:cs.RO" } });
    expect(failed).toMatchObject({ status: "FAILED", error: robotics!.error });
    expect(failed.finishedAt).not.toBeNull();
  });

  it("fails a malformed answer with a clear message", async () => {
    const broken = await startReplayServer(() => ({
      status: 200,
      body: "<html>maintenance</html>",
      headers: { "content-type": "text/html" },
    }));
    const report = await runSync(syncOptions(t.db, t.url, "arxiv:cs.RO", { endpoints: { hf: hf.url, arxiv: `${broken.url}/api/query` } }));
    await broken.close();
    expect(report).toMatchObject({
      status: "finished",
      sources: [{ status: "failed", error: "arXiv answer is not an Atom feed (no <feed> element)" }],
    });
  });
});

describe("one sync at a time", () => {
  it("two concurrent syncs do the work once; the second answers already-running", async () => {
    hfDelayMs = 100;
    const [a, b] = await Promise.all([runSync(syncOptions(t.db, t.url, "hf")), runSync(syncOptions(t.db, t.url, "hf"))]);
    expect([a.status, b.status].sort()).toEqual(["already-running", "finished"]);
    expect(hf.requests).toHaveLength(7);
    expect(await t.db.syncRun.count()).toBe(1);
  });

  it("the cron route refuses without the secret (401), runs with it (200), and answers 409 while a sync runs", async () => {
    const sync = () => runSync(syncOptions(t.db, t.url, "hf"));
    const request = (authorization?: string) =>
      new Request("http://localhost/api/cron/sync", { headers: authorization ? { authorization } : {} });
    const unconfigured = await createCronSyncHandler({ cronSecret: undefined, sync })(request("Bearer anything"), undefined);
    expect(unconfigured.status).toBe(401);
    expect((await unconfigured.json()).error.message).toContain("CRON_SECRET is not configured");
    const handler = createCronSyncHandler({ cronSecret: "a-cron-secret-of-some-length", sync });
    expect((await handler(request(), undefined)).status).toBe(401);
    expect((await handler(request("Bearer wrong-secret-of-some-length"), undefined)).status).toBe(401);
    expect(await t.db.syncRun.count()).toBe(0);

    const ok = await handler(request("Bearer a-cron-secret-of-some-length"), undefined);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "finished", sources: [{ source: "hf", status: "succeeded" }] });

    const held = await acquireSyncLock(t.url);
    try {
      const busy = await handler(request("Bearer a-cron-secret-of-some-length"), undefined);
      expect(busy.status).toBe(409);
      expect((await busy.json()).error.message).toContain("already running");
    } finally {
      await held?.release();
    }
  });
});

describe("npm run sync, killed part-way", () => {
  function runCli(url: string, onStart: (child: ChildProcess) => void = () => undefined, overrides: Record<string, string> = {}) {
    return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
      // Node itself with tsx's loader, not the tsx launcher: SIGKILL must hit the process doing the work.
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/sync.ts"], {
        cwd: PROJECT_DIR,
        env: {
          ...process.env,
          DATABASE_URL: url,
          HF_API_URL: hf.url,
          ARXIV_API_URL: `${arxiv.url}/api/query`,
          SYNC_SOURCES: "hf arxiv:cs.CL",
          ...overrides,
        },
      });
      onStart(child);
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
  }

  async function rows(db: Db) {
    const papers = await db.paper.findMany({
      orderBy: { id: "asc" },
      select: { id: true, title: true, feedDate: true, upstreamUpvotes: true, authors: true, organizationName: true, categories: true },
    });
    return papers;
  }

  it("offline, it exits 1 with one line per source naming the host it could not reach", { timeout: 60_000 }, async () => {
    const closed = await closedPortUrl();
    const offline = await runCli(t.url, undefined, { HF_API_URL: closed, ARXIV_API_URL: `${closed}/api/query` });
    expect(offline.code).toBe(1);
    const host = new URL(closed).host.replace(/\./g, "\\.");
    const failure = (source: string) =>
      new RegExp(`^Sync of ${source} failed \\(${host}\\): GET \\S+ failed after 4 attempts: network error \\(ECONNREFUSED\\)$`);
    const summary = offline.stderr.split("\n").filter((line) => line.startsWith("Sync of "));
    expect(summary).toEqual([expect.stringMatching(failure("hf")), expect.stringMatching(failure("arxiv:cs\\.CL"))]);
    expect(JSON.parse(offline.stdout)).toMatchObject({ status: "finished", sources: [{ status: "failed" }, { status: "failed" }] });
  });

  it(
    "a run killed with SIGKILL mid-source resumes where it stopped and ends with the rows of an uninterrupted run",
    { timeout: 90_000 },
    async () => {
      // Whatever day the CLI's clock says, its week holds two recorded HF days.
      hfDays = new Map();
      const today = new Date();
      const day = (back: number) => new Date(today.getTime() - back * 86_400_000).toISOString().slice(0, 10);
      hfDays.set(day(0), await fixture("2026-06-16"));
      hfDays.set(day(3), await fixture("2026-06-10"));

      const uninterrupted = await createTestDatabase();
      try {
        const whole = await runCli(uninterrupted.url);
        expect(whole.code, whole.stderr).toBe(0);

        let child: ChildProcess | undefined;
        beforeArxivPage = (start) => {
          if (start === 100) child?.kill("SIGKILL");
        };
        hf.requests.length = 0;
        arxiv.requests.length = 0;
        const killed = await runCli(t.url, (started) => (child = started));
        expect(killed.signal).toBe("SIGKILL");
        beforeArxivPage = () => undefined;
        expect(await t.db.syncRun.findFirst({ where: { source: "arxiv:cs.CL" } })).toMatchObject({ status: "RUNNING" });

        hf.requests.length = 0;
        arxiv.requests.length = 0;
        const rerun = await runCli(t.url);
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(rerun.stderr).toContain("arxiv:cs.CL: resuming an interrupted run at result 100");
        // Nothing repeated: HF's week was finished, and arXiv goes on from its second page.
        expect(hf.requests).toHaveLength(7);
        const listingPages = arxiv.requests.filter((url) => url.searchParams.has("search_query"));
        expect(listingPages.map((url) => url.searchParams.get("start"))).toEqual(["100", "200"]);
        expect(await rows(t.db)).toEqual(await rows(uninterrupted.db));
        expect(await t.db.syncRun.findFirst({ where: { source: "arxiv:cs.CL" }, orderBy: { id: "asc" } })).toMatchObject({
          status: "FAILED",
          error: "Interrupted: the process stopped before this source finished.",
        });
      } finally {
        await uninterrupted.drop();
      }
    },
  );
});
