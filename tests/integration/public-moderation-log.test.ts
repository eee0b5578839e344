import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { PublicLogList } from "@/components/moderation/public-log-list";
import { commenterName } from "@/server/accounts/commenter-name";
import { moderate } from "@/server/moderation/moderate";
import { createModerationHandler } from "@/server/moderation/moderation-handler";
import { getPublicModerationLog, LOG_ENTRIES_PER_PAGE, logCursorSchema, publicReason } from "@/server/moderation/public-log";
import { getModerationQueue } from "@/server/moderation/queue";
import { getReportFlood } from "@/server/moderation/report-flood";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const SITE = "https://papers.example.org";
const NOW = new Date("2026-11-03T12:00:00Z");
const minutesAfter = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "ModerationAction", "RateLimitEvent" CASCADE`);
});

describe("the public moderation log", () => {
  it("names targets as readers know them, moderators by a pseudonym, and never shows an address or a private reason", async () => {
    const { user: first } = await createSignedInUser(t.db, "first.moderator@example.com");
    await createSignedInUser(t.db, "Second.Mod@Example.org");
    const { user: ada } = await createSignedInUser(t.db, "ada@example.com");
    await t.db.user.update({ where: { id: ada.id }, data: { handle: "ada" } });
    const { user: quiet } = await createSignedInUser(t.db, "quiet@example.com");
    const { user: reader } = await createSignedInUser(t.db, "reader@example.com");
    await createPaper(t.db, "2611.00001");
    await createPaper(t.db, "2611.00002");
    const comment = await t.db.comment.create({ data: { paperId: "2611.00001", userId: quiet.id, body: "Buy pills" } });
    await t.db.paper.update({ where: { id: "2611.00001" }, data: { localComments: 1 } });
    const collection = await t.db.collection.create({
      data: { ownerId: ada.id, slug: "reading", name: "Ada's reading", visibility: "PUBLIC", shareKey: "k1" },
    });
    const report = await t.db.report.create({ data: { reporterId: reader.id, paperId: "2611.00001", reason: "Spam, says x@y.example" } });

    const act = (moderator: string, minute: number, request: Parameters<typeof moderate>[2]) =>
      moderate(t.db, moderator, request, minutesAfter(minute));
    await act("first.moderator@example.com", 1, { kind: "HIDE_COMMENT", target: comment.id, reason: "Spam" });
    await act("first.moderator@example.com", 2, {
      kind: "BAN_USER",
      target: "Quiet@Example.com",
      reason: "Spam, reported by reader@example.com",
    });
    await act("Second.Mod@Example.org", 3, {
      kind: "BAN_USER",
      target: "ada@example.com",
      reason: "Harassment: see the emails to her office",
      reasonPrivate: true,
    });
    await act("Second.Mod@Example.org", 4, { kind: "HIDE_PAPER", target: "2611.00002", reason: "Not a research paper" });
    await act("Second.Mod@Example.org", 5, { kind: "HIDE_COLLECTION", target: collection.id, reason: "Spam list" });
    await act("first.moderator@example.com", 6, { kind: "DISMISS_REPORT", target: report.id, reason: "Nothing to act on" });
    await act("first.moderator@example.com", 7, { kind: "UNBAN_USER", target: "ada@example.com", reason: "Appeal accepted" });

    const page = await getPublicModerationLog(t.db);
    expect(page.next).toBeNull();
    const [firstName, secondName] = [page.entries.at(-1)!.moderator, page.entries.at(-3)!.moderator];
    expect(firstName).toMatch(/^moderator-[0-9a-f]{6}$/);
    expect(secondName).toMatch(/^moderator-[0-9a-f]{6}$/);
    expect(firstName).not.toBe(secondName);
    // Not the generated name the same account comments under.
    expect(firstName.slice(-6)).not.toBe(commenterName(first.id).slice(-6));
    expect(page.entries.map((entry) => [entry.moderator, entry.kind, entry.target, entry.reason])).toEqual([
      [firstName, "UNBAN_USER", { before: null, text: "ada", href: "/users/ada" }, "Appeal accepted"],
      [firstName, "DISMISS_REPORT", { before: "on", text: "Paper 2611.00001", href: "/papers/2611.00001" }, "Nothing to act on"],
      [secondName, "HIDE_COLLECTION", { before: null, text: "a hidden collection", href: null }, "Spam list"],
      [secondName, "HIDE_PAPER", { before: null, text: "paper 2611.00002 (hidden)", href: null }, "Not a research paper"],
      [secondName, "BAN_USER", { before: null, text: "ada", href: "/users/ada" }, null],
      [firstName, "BAN_USER", { before: null, text: commenterName(quiet.id), href: null }, "Spam, reported by [address]"],
      [firstName, "HIDE_COMMENT", { before: "on", text: "Paper 2611.00001", href: `/papers/2611.00001#comment-${comment.id}` }, "Spam"],
    ]);
    // The same names on every look.
    expect((await getPublicModerationLog(t.db)).entries.map((entry) => entry.moderator)).toEqual(
      page.entries.map((entry) => entry.moderator),
    );

    // Nothing the page is made of holds an address or the private reason, as data or as HTML.
    const html = renderToStaticMarkup(createElement(PublicLogList, { entries: page.entries }));
    for (const shown of [JSON.stringify(page), html]) {
      expect(shown).not.toMatch(/@|example\.(com|org)/i);
      expect(shown).not.toContain("Harassment");
    }
    expect(html).toContain("Reason: (private)");

    // Moderators still read every reason in the console, marked.
    const console_ = (await getModerationQueue(t.db)).log.find((entry) => entry.reason.startsWith("Harassment"));
    expect(console_).toMatchObject({ reasonPrivate: true, moderator: "Second.Mod@Example.org" });
  });

  it("says when what an action was about is gone, and links a collection only while it is public", async () => {
    const { user: owner } = await createSignedInUser(t.db, "owner@example.com");
    await t.db.user.update({ where: { id: owner.id }, data: { handle: "owner" } });
    const { user: leaving } = await createSignedInUser(t.db, "leaving@example.com");
    await createPaper(t.db, "2611.00001");
    const shown = await t.db.collection.create({
      data: { ownerId: owner.id, slug: "good", name: "Good papers", visibility: "PUBLIC", shareKey: "k1" },
    });
    const secret = await t.db.collection.create({
      data: { ownerId: owner.id, slug: "secret", name: "Secret plans", visibility: "UNLISTED", shareKey: "k2" },
    });
    await moderate(t.db, "mod@example.com", { kind: "UNHIDE_COLLECTION", target: shown.id, reason: "Fine" }, minutesAfter(1));
    await moderate(t.db, "mod@example.com", { kind: "UNHIDE_COLLECTION", target: secret.id, reason: "Fine" }, minutesAfter(2));
    await moderate(t.db, "mod@example.com", { kind: "BAN_USER", target: "leaving@example.com", reason: "Spam" }, minutesAfter(3));
    await t.db.user.delete({ where: { id: leaving.id } });

    const { entries } = await getPublicModerationLog(t.db);
    expect(entries.map((entry) => [entry.moderator, entry.target])).toEqual([
      ["a former moderator", { before: null, text: "a deleted account", href: null }],
      ["a former moderator", { before: null, text: "a collection that is not public", href: null }],
      ["a former moderator", { before: null, text: "Good papers", href: "/collections/owner/good" }],
    ]);
  });

  it(`pages ${LOG_ENTRIES_PER_PAGE} entries at a time, newest first, without repeating or skipping one`, async () => {
    await createSignedInUser(t.db, "mod@example.com");
    await createPaper(t.db, "2611.00001");
    // 120 actions; the last of the first page and the first of the second at the same time, where
    // the log's order falls back to the id.
    await t.db.moderationAction.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({
        moderator: "mod@example.com",
        kind: index % 2 === 0 ? ("HIDE_PAPER" as const) : ("UNHIDE_PAPER" as const),
        target: "2611.00001",
        reason: `Action ${index}`,
        createdAt: minutesAfter(index === 70 ? 69 : index),
      })),
    });
    const reasons: string[][] = [];
    let before: bigint | null = null;
    for (;;) {
      const page = await getPublicModerationLog(t.db, before);
      reasons.push(page.entries.map((entry) => entry.reason!));
      if (!page.next) break;
      before = logCursorSchema.parse(page.next);
    }
    expect(reasons.map((page) => page.length)).toEqual([50, 50, 20]);
    const newestFirst = Array.from({ length: 120 }, (_, index) => `Action ${119 - index}`);
    expect(reasons.flat()).toEqual(newestFirst);
    expect(logCursorSchema.safeParse("12abc").success).toBe(false);
  });

  it("keeps addresses out of public reasons", () => {
    expect(publicReason("Spam from bob.smith+ads@mail.example.co.uk (again), see <alice@example.org>.")).toBe(
      "Spam from [address] (again), see <[address]>.",
    );
    expect(publicReason("Rude @ people, 3 @ 4")).toBe("Rude @ people, 3 @ 4");
  });
});

describe("marking a reason private in the console", () => {
  it("stores a ticked box as private and an unticked one as public, and refuses anything else", async () => {
    const { user: moderator } = await createSignedInUser(t.db, "mod@example.com");
    await createPaper(t.db, "2611.00001");
    const handler = createModerationHandler({
      db: t.db,
      siteUrl: SITE,
      getAdmin: async () => ({ id: moderator.id, email: "mod@example.com" }) as never,
      onChange: async () => undefined,
    });
    const post = (fields: Record<string, string>) =>
      handler(
        new Request(`${SITE}/api/admin/moderation`, { method: "POST", headers: { origin: SITE }, body: new URLSearchParams(fields) }),
        {},
      );

    expect((await post({ kind: "HIDE_PAPER", target: "2611.00001", reason: "Private matter", reasonPrivate: "on" })).status).toBe(303);
    expect((await post({ kind: "UNHIDE_PAPER", target: "2611.00001", reason: "Public matter" })).status).toBe(303);
    const refused = await post({ kind: "HIDE_PAPER", target: "2611.00001", reason: "Odd", reasonPrivate: "maybe" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.param).toBe("reasonPrivate");

    const stored = await t.db.moderationAction.findMany({ orderBy: { id: "asc" }, select: { reason: true, reasonPrivate: true } });
    expect(stored).toEqual([
      { reason: "Private matter", reasonPrivate: true },
      { reason: "Public matter", reasonPrivate: false },
    ]);
    expect((await getPublicModerationLog(t.db)).entries.map((entry) => entry.reason)).toEqual(["Public matter", null]);
  });
});

describe("the report flood list on /admin", () => {
  it("counts each account's reports of the last 24 hours, resolved or not, most first, with the newest", async () => {
    const { user: flooder } = await createSignedInUser(t.db, "flooder@example.com");
    const { user: reader } = await createSignedInUser(t.db, "reader@example.com");
    await t.db.user.update({ where: { id: reader.id }, data: { handle: "reader" } });
    const { user: old } = await createSignedInUser(t.db, "old@example.com");
    const ids = Array.from({ length: 45 }, (_, index) => `2611.${String(index + 1).padStart(5, "0")}`);
    await t.db.paper.createMany({
      data: ids.map((id) => ({
        id,
        title: `Paper ${id}`,
        abstract: "An abstract.",
        authors: ["A. Author"],
        publishedAt: NOW,
        feedDate: NOW,
        source: "ARXIV" as const,
      })),
    });
    const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
    await t.db.report.createMany({
      data: [
        // 30 in the window (10 of them already resolved), 10 before it.
        ...ids.slice(0, 30).map((paperId, index) => ({
          reporterId: flooder.id,
          paperId,
          reason: "Spam",
          createdAt: hoursAgo(index / 2),
          resolvedAt: index < 10 ? hoursAgo(0.1) : null,
        })),
        ...ids.slice(30, 40).map((paperId) => ({ reporterId: flooder.id, paperId, reason: "Spam", createdAt: hoursAgo(30) })),
        ...ids
          .slice(0, 3)
          .map((paperId, index) => ({ reporterId: reader.id, paperId, reason: "Off topic", createdAt: hoursAgo(2 + index) })),
        // Filed before the window, resolved in it: not counted.
        { reporterId: old.id, paperId: ids[44], reason: "Old", createdAt: hoursAgo(25), resolvedAt: hoursAgo(1) },
      ],
    });

    const flood = await getReportFlood(t.db, NOW);
    expect(flood.capped).toBe(false);
    expect(flood.accounts).toEqual([
      { reporter: { id: flooder.id, email: "flooder@example.com", handle: null }, reports: 30, newest: hoursAgo(0) },
      { reporter: { id: reader.id, email: "reader@example.com", handle: "reader" }, reports: 3, newest: hoursAgo(2) },
    ]);
    expect((await getReportFlood(t.db, new Date(NOW.getTime() + 2 * 86_400_000))).accounts).toEqual([]);
  });
});
