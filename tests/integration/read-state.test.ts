import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parsePeriod } from "@/lib/periods";
import { deleteUserAccount, exportUserData } from "@/server/accounts/account-data";
import type { CurrentUser } from "@/server/auth/session";
import type * as DbModule from "@/server/db";
import type { Db } from "@/server/db";
import { getPeriodFeed } from "@/server/papers/feed";
import { resetLearningAction, setLearningPausedAction } from "@/server/recs/actions";
import {
  hidePaperAction,
  lessLikeThisAction,
  markPapersRead,
  markPaperUnread,
  setDensityAction,
  setHideReadAction,
  unhidePaperAction,
} from "@/server/triage/actions";
import {
  formatNewPapersCursor,
  getNewSinceLastVisit,
  NEW_PAPERS_COUNT_CAP,
  newPapersCursorSchema,
  newPapersSince,
} from "@/server/triage/new-papers";
import { getReadState, hidePaper, markSeen, markUnseen, recordVisit, unhidePaper, VISIT_GAP_MS } from "@/server/triage/read-state";
import { listReadState, listViewOf, triageList } from "@/server/triage/viewer";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

// The actions run as in a request: the signed-in user is whoever the test says and the shared
// client is this file's database (as in default-filter.test.ts); Next.js's refresh() is recorded.
const request = vi.hoisted(() => ({ user: null as CurrentUser | null, db: null as Db | null, refreshed: 0 }));

vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => request.user }));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  refresh: () => {
    request.refreshed += 1;
  },
}));
vi.mock("@/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof DbModule>()),
  db: (await import("../support/delegating-db")).delegatingDb(() => request.db!),
}));

const t = useTestDatabase();
const DAY = "2026-11-02";
const IDS = ["2611.00001", "2611.00002", "2611.00003", "2611.00004"];

beforeAll(() => {
  request.db = t.db;
});

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "RateLimitEvent" CASCADE`);
  request.user = null;
  request.refreshed = 0;
  for (const [index, id] of IDS.entries()) await createPaper(t.db, id, 10 * (IDS.length - index));
});

async function reader(email: string) {
  return (await createSignedInUser(t.db, email)).user;
}

function signIn(user: { id: string; email: string | null }, banned = false) {
  request.user = { id: user.id, email: user.email, name: null, handle: null, banned, density: null };
}

const sorted = (set: Set<string>) => [...set].sort();

describe("seen papers", () => {
  it("marks papers seen idempotently, keeps the first time, skips unknown ids and takes at most 200 at once", async () => {
    const ada = await reader("ada@example.com");
    const first = new Date("2026-11-02T10:00:00Z");
    expect(await markSeen(t.db, ada.id, ["2611.00001", "2611.00002", "2611.00001", "2699.99999"], first)).toBe(2);
    expect(await markSeen(t.db, ada.id, ["2611.00001", "2611.00002"], new Date("2026-11-02T11:00:00Z"))).toBe(0);
    // Two tabs sending the same batch at once: one row each, no error.
    await Promise.all([markSeen(t.db, ada.id, ["2611.00003"]), markSeen(t.db, ada.id, ["2611.00003"])]);
    const rows = await t.db.paperSeen.findMany({ where: { userId: ada.id }, orderBy: { paperId: "asc" } });
    expect(rows.map((row) => row.paperId)).toEqual(["2611.00001", "2611.00002", "2611.00003"]);
    expect(rows[0]!.seenAt).toEqual(first);

    const tooMany = Array.from({ length: 201 }, (_, index) => `2612.${String(index).padStart(5, "0")}`);
    await expect(markSeen(t.db, ada.id, tooMany)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await markSeen(t.db, ada.id, tooMany.slice(0, 200))).toBe(0);
    await expect(
      getReadState(
        t.db,
        ada.id,
        Array.from({ length: 501 }, (_, index) => `x${index}`),
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    expect(await markUnseen(t.db, ada.id, ["2611.00002", "2611.00004"])).toBe(1);
    expect(sorted((await getReadState(t.db, ada.id, IDS)).seen)).toEqual(["2611.00001", "2611.00003"]);
  });
});

describe("hidden papers", () => {
  it("leave a rendered list for the reader who hid them only, and read ones too with Hide read", async () => {
    const ada = await reader("ada@example.com");
    const bob = await reader("bob@example.com");
    await hidePaper(t.db, ada.id, "2611.00002");
    await hidePaper(t.db, ada.id, "2611.00002");
    await expect(hidePaper(t.db, ada.id, "2699.99999")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await markSeen(t.db, ada.id, ["2611.00003"]);

    // The list is the shared one, the same for both readers; the state is applied per reader.
    const feed = await getPeriodFeed(t.db, parsePeriod("date", DAY)!, "upvotes", new Date("2026-11-03T00:00:00Z"));
    expect(feed.papers.map((paper) => paper.id)).toEqual(IDS);
    const shownTo = async (userId: string) => {
      const state = await listReadState(t.db, userId, IDS, t.db.user.findUniqueOrThrow({ where: { id: userId } }));
      const list = triageList(feed.papers, (paper) => paper.id, state);
      return { ids: list.shown.map(({ paper }) => paper.id), list, state };
    };
    const forAda = await shownTo(ada.id);
    expect(forAda.ids).toEqual(["2611.00001", "2611.00003", "2611.00004"]);
    expect(forAda.list.hiddenCount).toBe(1);
    // Positions stay those of the list (the numbering of the cards after a hidden one).
    expect(forAda.list.shown.map(({ index }) => index)).toEqual([0, 2, 3]);
    expect(sorted(forAda.state.seen)).toEqual(["2611.00003"]);
    expect((await shownTo(bob.id)).ids).toEqual(IDS);

    await t.db.user.update({ where: { id: ada.id }, data: { hideRead: true } });
    const hidingRead = await shownTo(ada.id);
    expect(hidingRead.ids).toEqual(["2611.00001", "2611.00004"]);
    expect(hidingRead.list.readHiddenCount).toBe(1);

    await unhidePaper(t.db, ada.id, "2611.00002");
    expect((await shownTo(ada.id)).ids).toEqual(["2611.00001", "2611.00002", "2611.00004"]);
  });

  it("marks where the papers added since the previous visit start, on lists that ask for it", async () => {
    const ada = await reader("ada@example.com");
    const previous = new Date("2026-11-02T12:00:00Z");
    await t.db.paper.updateMany({
      where: { id: { in: ["2611.00003", "2611.00004"] } },
      data: { createdAt: new Date("2026-11-02T13:00:00Z") },
    });
    await t.db.paper.updateMany({
      where: { id: { in: ["2611.00001", "2611.00002"] } },
      data: { createdAt: new Date("2026-11-02T08:00:00Z") },
    });
    await hidePaper(t.db, ada.id, "2611.00003");
    const visit = { previousVisitAt: previous, hideRead: false };
    const state = await listReadState(t.db, ada.id, IDS, visit, { marker: true });
    expect(state.newSince).toEqual(previous);
    expect(sorted(state.newIds)).toEqual(["2611.00003", "2611.00004"]);
    // The hidden new paper is not shown, so the marker goes before the next new one.
    expect(triageList(IDS, (id) => id, state)).toMatchObject({ firstNewId: "2611.00004", newCount: 1 });
    const unmarked = await listReadState(t.db, ada.id, IDS, visit);
    expect(unmarked.newIds.size).toBe(0);
    expect(triageList(IDS, (id) => id, unmarked).firstNewId).toBeNull();
  });
});

describe("which lists are the main feed", () => {
  it("records visits on the feed's views and marks new papers on its day and week lists", () => {
    expect(listViewOf("/")).toBe("feed-with-marker");
    expect(listViewOf("/papers/date/2026-11-02")).toBe("feed-with-marker");
    expect(listViewOf("/papers/week/2026-W45")).toBe("feed-with-marker");
    expect(listViewOf("/papers/category/cs.CL/date/2026-11-02")).toBe("feed-with-marker");
    expect(listViewOf("/papers/month/2026-11")).toBe("feed");
    expect(listViewOf("/papers/new")).toBe("feed");
    expect(listViewOf("/papers/trending")).toBe("other");
    expect(listViewOf("/orgs/nvidia")).toBe("other");
    expect(listViewOf("/papers/2611.00001")).toBe("other");
    expect(listViewOf(null)).toBe("other");
  });
});

describe("visits", () => {
  it("start after 30 minutes away: the last view of the previous one becomes previousVisitAt", async () => {
    const ada = await reader("ada@example.com");
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 9, 0) + minutes * 60_000);
    const stored = () => t.db.user.findUniqueOrThrow({ where: { id: ada.id }, select: { previousVisitAt: true, lastVisitAt: true } });

    expect(await recordVisit(t.db, ada.id, at(0))).toEqual({ previousVisitAt: null, hideRead: false });
    // Paging through within the visit: the previous visit stays, the last view moves.
    expect(await recordVisit(t.db, ada.id, at(10))).toEqual({ previousVisitAt: null, hideRead: false });
    expect(await recordVisit(t.db, ada.id, at(39))).toEqual({ previousVisitAt: null, hideRead: false });
    expect(await stored()).toEqual({ previousVisitAt: null, lastVisitAt: at(39) });
    // 30 minutes after the last view (not after the first): a new visit.
    expect((await recordVisit(t.db, ada.id, at(69)))?.previousVisitAt).toEqual(at(39));
    expect((await recordVisit(t.db, ada.id, at(80)))?.previousVisitAt).toEqual(at(39));
    expect((await recordVisit(t.db, ada.id, at(80 + 29)))?.previousVisitAt).toEqual(at(39));
    expect((await recordVisit(t.db, ada.id, at(80 + 29 + VISIT_GAP_MS / 60_000)))?.previousVisitAt).toEqual(at(109));
    // A clock behind the stored one (another instance, a slow request) never moves the last view back.
    await recordVisit(t.db, ada.id, at(100));
    expect(await stored()).toEqual({ previousVisitAt: at(109), lastVisitAt: at(139) });
    expect(await recordVisit(t.db, "no-such-user", at(0))).toBeNull();
  });

  it("agree when views arrive at once: one of them starts the visit, all return its previous visit", async () => {
    const ada = await reader("ada@example.com");
    const before = new Date("2026-11-01T09:00:00Z");
    await t.db.user.update({ where: { id: ada.id }, data: { lastVisitAt: before, previousVisitAt: new Date("2026-10-30T09:00:00Z") } });
    const now = new Date("2026-11-02T09:00:00Z");
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => recordVisit(t.db, ada.id, new Date(now.getTime() + index * 1_000))),
    );
    expect(new Set(answers.map((answer) => answer?.previousVisitAt?.toISOString()))).toEqual(new Set([before.toISOString()]));
    expect(await t.db.user.findUniqueOrThrow({ where: { id: ada.id }, select: { previousVisitAt: true, lastVisitAt: true } })).toEqual({
      previousVisitAt: before,
      lastVisitAt: new Date(now.getTime() + 11_000),
    });
  });
});

describe("new since your last visit", () => {
  const previous = new Date("2026-11-05T12:00:00Z");

  beforeEach(async () => {
    // The shared papers were imported just now: leave only this block's.
    await t.db.paper.deleteMany({ where: { id: { in: IDS } } });
  });

  async function addPapers(count: number, createdAt: Date, prefix: string) {
    await t.db.paper.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        id: `${prefix}.${String(index).padStart(5, "0")}`,
        title: `Paper ${prefix} ${index}`,
        abstract: "An abstract.",
        authors: ["A. Author"],
        publishedAt: new Date("2026-11-01T00:00:00Z"),
        feedDate: new Date("2026-11-05T00:00:00Z"),
        source: "ARXIV" as const,
        createdAt,
      })),
    });
  }

  it("lists exactly the papers imported after the previous visit, oldest first, paging without gaps or repeats", async () => {
    const ada = await reader("ada@example.com");
    const bob = await reader("bob@example.com");
    await addPapers(5, new Date("2026-11-05T11:59:59.999Z"), "2610");
    // One import is one createdAt for all its papers: ties are broken by id, across page ends.
    await addPapers(70, new Date("2026-11-05T12:00:00.001Z"), "2620");
    await addPapers(30, new Date("2026-11-06T08:00:00Z"), "2630");
    await addPapers(21, new Date("2026-11-05T18:30:00Z"), "2640");
    await addPapers(1, previous, "2650");
    await hidePaper(t.db, ada.id, "2620.00007");
    await hidePaper(t.db, ada.id, "2630.00029");
    await t.db.paper.update({ where: { id: "2640.00003" }, data: { hiddenAt: new Date() } });

    const pages = async (userId: string) => {
      const shown: string[] = [];
      let cursor = null;
      const offsets: number[] = [];
      const totals: number[] = [];
      for (let page = 0; page < 10; page += 1) {
        const result = await getNewSinceLastVisit(t.db, userId, { since: previous, limit: 50, cursor });
        offsets.push(result.offset);
        totals.push(result.offset + result.remaining);
        shown.push(...result.papers.map((paper) => paper.id));
        if (!result.nextCursor) break;
        // As a link carries it and the page reads it back.
        cursor = newPapersCursorSchema.parse(new URLSearchParams({ cursor: result.nextCursor }).get("cursor"));
      }
      return { shown, offsets, totals };
    };
    const ids = (prefix: string, count: number, skip: number[] = []) =>
      Array.from({ length: count }, (_, index) => index)
        .filter((index) => !skip.includes(index))
        .map((index) => `${prefix}.${String(index).padStart(5, "0")}`);

    const forAda = await pages(ada.id);
    expect(forAda.shown).toEqual([...ids("2620", 70, [7]), ...ids("2640", 21, [3]), ...ids("2630", 30, [29])]);
    expect(forAda.offsets).toEqual([0, 50, 100]);
    expect(forAda.totals).toEqual([118, 118, 118]);
    expect((await pages(bob.id)).shown).toHaveLength(120);

    // A paper imported while the reader pages comes last, not in the middle.
    const first = await getNewSinceLastVisit(t.db, ada.id, { since: previous, limit: 50 });
    await addPapers(1, new Date("2026-11-07T00:00:00Z"), "2660");
    const rest = await getNewSinceLastVisit(t.db, ada.id, {
      since: previous,
      limit: 100,
      cursor: newPapersCursorSchema.parse(first.nextCursor),
    });
    expect(rest.papers.at(-1)?.id).toBe("2660.00000");
    expect(rest.papers).toHaveLength(69);

    expect(newPapersCursorSchema.safeParse("1.2.<script>").success).toBe(false);
    expect(newPapersCursorSchema.parse(formatNewPapersCursor({ offset: 3, createdAt: previous, id: "hep-th/9901001" }))).toEqual({
      offset: 3,
      createdAt: previous,
      id: "hep-th/9901001",
    });
  });

  it("counts up to a cap and goes back at most 30 days", async () => {
    const ada = await reader("ada@example.com");
    await addPapers(NEW_PAPERS_COUNT_CAP + 5, new Date("2026-11-06T00:00:00Z"), "2670");
    const page = await getNewSinceLastVisit(t.db, ada.id, { since: previous });
    expect(page).toMatchObject({ remaining: NEW_PAPERS_COUNT_CAP, capped: true, offset: 0 });
    expect(page.papers).toHaveLength(50);
    const now = new Date("2026-12-20T00:00:00Z");
    expect(newPapersSince(previous, now)).toEqual({ since: new Date("2026-11-20T00:00:00Z"), clamped: true });
    expect(newPapersSince(new Date("2026-12-19T00:00:00Z"), now)).toEqual({ since: new Date("2026-12-19T00:00:00Z"), clamped: false });
  });
});

describe("the read-state actions", () => {
  it("act for the signed-in reader only, refuse a suspended one and bad input, and answer ok or a message", async () => {
    const ada = await reader("ada@example.com");
    expect(await markPapersRead(["2611.00001"])).toEqual({ ok: false, message: expect.stringMatching(/session has ended/) });

    signIn(ada, true);
    expect(await hidePaperAction("2611.00001")).toEqual({ ok: false, message: expect.stringMatching(/suspended/) });
    expect(await t.db.paperHidden.count()).toBe(0);

    signIn(ada);
    expect(await markPapersRead(["2611.00001", "2611.00002"])).toEqual({ ok: true });
    expect(await markPapersRead(["not an id"])).toEqual({ ok: false, message: expect.stringMatching(/arXiv id/) });
    expect(await markPapersRead([])).toEqual({ ok: false, message: expect.stringMatching(/at least one/) });
    expect(await markPapersRead(Array.from({ length: 201 }, () => "2611.00001"))).toEqual({
      ok: false,
      message: expect.stringMatching(/200/),
    });
    expect(await markPaperUnread("2611.00002")).toEqual({ ok: true });
    expect(await hidePaperAction("2611.00003")).toEqual({ ok: true });
    expect(await hidePaperAction("2699.99999")).toEqual({ ok: false, message: "There is no paper 2699.99999 here." });
    expect(await getReadState(t.db, ada.id, IDS)).toEqual({ seen: new Set(["2611.00001"]), hidden: new Set(["2611.00003"]) });
    expect(await unhidePaperAction("2611.00003")).toEqual({ ok: true });
    expect((await getReadState(t.db, ada.id, IDS)).hidden.size).toBe(0);
    expect(request.refreshed).toBe(0);

    const form = (value: string) => {
      const data = new FormData();
      data.set("hideRead", value);
      return data;
    };
    expect(await setHideReadAction(null, form("1"))).toEqual({ ok: true, hideRead: true });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: ada.id } })).hideRead).toBe(true);
    expect(await setHideReadAction(null, form("0"))).toEqual({ ok: true, hideRead: false });
    expect(request.refreshed).toBe(2);

    // The density goes on the account (and back to Full), without a render; anything else is refused.
    const density = async () => (await t.db.user.findUniqueOrThrow({ where: { id: ada.id } })).density;
    expect(await density()).toBeNull();
    expect(await setDensityAction("titles")).toEqual({ ok: true });
    expect(await density()).toBe("titles");
    expect(await setDensityAction("tiny")).toEqual({ ok: false, message: "The density must be full, compact or titles." });
    expect(await setDensityAction("full")).toEqual({ ok: true });
    expect(await density()).toBe("full");
    expect(request.refreshed).toBe(2);
    request.user = null;
    expect(await setDensityAction("compact")).toEqual({ ok: false, message: expect.stringMatching(/session has ended/) });
    expect(await density()).toBe("full");
  });
});

describe("For you's actions", () => {
  it("note Less like this, pause and reset learning for the signed-in reader only, and refuse bad input", async () => {
    const ada = await reader("ada@example.com");
    const form = (value: string | null) => {
      const data = new FormData();
      if (value !== null) data.set("paused", value);
      return data;
    };
    expect(await lessLikeThisAction("2611.00001")).toEqual({ ok: false, message: expect.stringMatching(/session has ended/) });
    expect(await setLearningPausedAction(null, form("1"))).toEqual({ ok: false, message: expect.stringMatching(/session has ended/) });
    expect(await resetLearningAction(null)).toEqual({ ok: false, message: expect.stringMatching(/session has ended/) });

    signIn(ada);
    expect(await lessLikeThisAction("not an id")).toEqual({ ok: false, message: expect.stringMatching(/arXiv id/) });
    expect(await lessLikeThisAction("2699.99999")).toEqual({ ok: false, message: "There is no paper 2699.99999 here." });
    await hidePaper(t.db, ada.id, "2611.00002");
    expect(await lessLikeThisAction("2611.00001")).toEqual({ ok: true });
    expect(await lessLikeThisAction("2611.00002")).toEqual({ ok: true });
    expect(
      (await t.db.paperHidden.findMany({ where: { userId: ada.id }, orderBy: { paperId: "asc" } })).map((row) => [
        row.paperId,
        row.lessLikeThis,
      ]),
    ).toEqual([
      ["2611.00001", true],
      ["2611.00002", true],
    ]);

    const settings = () => t.db.user.findUniqueOrThrow({ where: { id: ada.id }, select: { recsPausedAt: true, recsResetAt: true } });
    for (const bad of ["yes", null]) {
      expect(await setLearningPausedAction(null, form(bad))).toEqual({
        ok: false,
        message: expect.stringMatching(/neither to pause nor to resume/),
      });
    }
    expect((await settings()).recsPausedAt).toBeNull();
    expect(await setLearningPausedAction(null, form("1"))).toMatchObject({ ok: true, message: expect.stringMatching(/^Paused/) });
    expect((await settings()).recsPausedAt).not.toBeNull();
    expect(await setLearningPausedAction(null, form("0"))).toMatchObject({ ok: true });
    expect((await settings()).recsPausedAt).toBeNull();
    expect(await resetLearningAction(null)).toMatchObject({ ok: true, message: expect.stringMatching(/^Forgotten/) });
    expect((await settings()).recsResetAt).not.toBeNull();
  });
});

describe("the account", () => {
  it("exports the read state and deletes it with the account", async () => {
    const ada = await reader("ada@example.com");
    const bob = await reader("bob@example.com");
    await markSeen(t.db, ada.id, ["2611.00001", "2611.00002"], new Date("2026-11-02T10:00:00Z"));
    await hidePaper(t.db, ada.id, "2611.00003", new Date("2026-11-02T11:00:00Z"));
    await recordVisit(t.db, ada.id, new Date("2026-11-02T09:00:00Z"));
    await markSeen(t.db, bob.id, ["2611.00001"]);
    await hidePaper(t.db, bob.id, "2611.00001");

    const data = JSON.parse(JSON.stringify(await exportUserData(t.db, ada.id)));
    expect(data.seenPapers).toEqual([
      { paperId: "2611.00001", seenAt: "2026-11-02T10:00:00.000Z" },
      { paperId: "2611.00002", seenAt: "2026-11-02T10:00:00.000Z" },
    ]);
    expect(data.hiddenPapers).toEqual([{ paperId: "2611.00003", hiddenAt: "2026-11-02T11:00:00.000Z", lessLikeThis: false }]);
    expect(data.forYouLearning).toEqual({ pausedAt: null, resetAt: null, model: null });
    expect(data.readState).toEqual({ hideRead: false, density: null, lastVisitAt: "2026-11-02T09:00:00.000Z", previousVisitAt: null });

    await deleteUserAccount(t.db, ada.id);
    expect(await t.db.paperSeen.count({ where: { userId: ada.id } })).toBe(0);
    expect(await t.db.paperHidden.count({ where: { userId: ada.id } })).toBe(0);
    expect(await t.db.paperSeen.count()).toBe(1);
    expect(await t.db.paperHidden.count()).toBe(1);
  });
});
