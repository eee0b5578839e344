import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { duePeriod } from "@/lib/digest-period";
import { loadDigestCandidates } from "@/server/digest/candidates";
import type { TrendingDigestOptions } from "@/server/digest/digest-run";
import { runTrendingDigest } from "@/server/digest/trending-digest";
import { createSmtpMailer, type Mailer } from "@/server/email/mailer";
import { applyFollow } from "@/server/follows/follows";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { createPreferencesHandler } from "@/server/subscriptions/preferences-handler";
import { createConfirmedSubscriber, createSignedInUser } from "../support/accounts";
import { HF_FIXTURES } from "../support/fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { useTestDatabase } from "../support/test-db";

const SITE_URL = "https://papers.example.org";
// The daily digest of this Wednesday covers Tuesday 2026-06-16, the fixtures' 34-paper day.
const WEDNESDAY = new Date("2026-06-17T07:00:00Z");
const NEXT_MONDAY = new Date("2026-06-22T07:00:00Z");

const t = useTestDatabase();
let smtp: TestSmtpServer;
let mailer: Mailer;

function runDigest(overrides: Partial<TrendingDigestOptions> = {}) {
  return runTrendingDigest({ db: t.db, mailer, now: () => WEDNESDAY, cadence: "DAILY", siteUrl: SITE_URL, ...overrides });
}

async function deliveredTo(subscriberId: string, cadence: "DAILY" | "WEEKLY") {
  return (await t.db.digestDelivery.findFirstOrThrow({ where: { subscriberId, digest: { cadence } } })).paperIds;
}

/** A signed-in reader whose subscription asks for "Trending + from what I follow", chosen on the preferences page. */
async function personalSubscriber(email: string) {
  const { user } = await createSignedInUser(t.db, email);
  const subscriber = await createConfirmedSubscriber(t.db, email);
  await t.db.subscriber.update({ where: { id: subscriber.id }, data: { userId: user.id } });
  const saved = await createPreferencesHandler({ db: t.db })(
    new Request(`${SITE_URL}/api/preferences/${subscriber.manageToken}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE_URL },
      body: new URLSearchParams({ intent: "content", content: "TRENDING_AND_FOLLOWS" }),
    }),
    { params: Promise.resolve({ token: subscriber.manageToken }) },
  );
  expect(saved.status).toBe(303);
  return { user, subscriber };
}

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  smtp = await startTestSmtpServer();
  mailer = createSmtpMailer(smtp.url, "Daily Papers <papers@example.org>");
});

beforeEach(async () => {
  smtp.accepted.length = 0;
  await t.db.digest.deleteMany();
  await t.db.subscriber.deleteMany();
  await t.db.user.deleteMany();
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
});

describe("the personal digest", () => {
  it("adds up to 5 unsent papers from the reader's follows, leaves out mutes in both sections, and never repeats a paper", async () => {
    const { user, subscriber } = await personalSubscriber("follower@example.com");
    const plain = await createConfirmedSubscriber(t.db, "plain@example.com");
    await applyFollow(t.db, user.id, { kind: "ORGANIZATION", value: "nvidia", mode: "follow" });
    await applyFollow(t.db, user.id, { kind: "AUTHOR", value: "Shuai Yang", mode: "follow" });
    await applyFollow(t.db, user.id, { kind: "TOPIC", value: "video generation", mode: "follow" });
    await applyFollow(t.db, user.id, { kind: "TOPIC", value: "diffusion", mode: "follow" });
    await applyFollow(t.db, user.id, { kind: "ORGANIZATION", value: "Oxford", mode: "mute" });
    await applyFollow(t.db, user.id, { kind: "TOPIC", value: "world model", mode: "mute" });

    expect(await runDigest()).toMatchObject({ sent: 2, skipped: 0, failed: 0 });

    const papers = new Map(
      (await t.db.paper.findMany({ select: { id: true, title: true, abstract: true, authors: true, organizationName: true } })).map(
        (paper) => [paper.id, { ...paper, text: `${paper.title} ${paper.abstract}`.toLowerCase() }],
      ),
    );
    // What the two mutes cover, asked of PostgreSQL directly: Oxford's papers and those matching the topic.
    const muted = new Set(
      (
        await t.db.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Paper" WHERE "organizationName" = 'Oxford' OR "searchVector" @@ websearch_to_tsquery('english', 'world model')`
      ).map((row) => row.id),
    );
    const isMuted = (id: string) => muted.has(id);
    expect(muted.has("2606.16993")).toBe(true);
    const candidates = (await loadDigestCandidates(t.db, duePeriod("DAILY", WEDNESDAY)!)).map((paper) => paper.id);

    // Anonymous-style subscribers keep the plain trending digest, muted papers included.
    const plainPapers = await deliveredTo(plain.id, "DAILY");
    expect(plainPapers).toEqual(candidates.slice(0, 10));
    expect(plainPapers.some(isMuted)).toBe(true);

    // The reader's trending section: the top ten of the same ranking without what they muted.
    const sent = await deliveredTo(subscriber.id, "DAILY");
    const trending = sent.slice(0, 10);
    const followed = sent.slice(10);
    expect(trending).toEqual(candidates.filter((id) => !isMuted(id)).slice(0, 10));

    // The section from follows: matches, best first, none muted, none already in the trending section.
    const matchesAFollow = (id: string) => {
      const paper = papers.get(id)!;
      return (
        paper.organizationName === "nvidia" ||
        paper.authors.includes("Shuai Yang") ||
        paper.text.includes("diffusion") ||
        (paper.text.includes("video") && paper.text.includes("generat"))
      );
    };
    expect(followed.length).toBeGreaterThanOrEqual(2);
    expect(followed.length).toBeLessThanOrEqual(5);
    expect(followed.every(matchesAFollow)).toBe(true);
    expect(followed.some(isMuted)).toBe(false);
    expect(followed.filter((id) => trending.includes(id))).toEqual([]);
    expect(followed).toEqual(candidates.filter((id) => followed.includes(id)));

    const [mail] = smtp.acceptedFor("follower@example.com");
    const text = mail!.mail.text ?? "";
    expect(text).toContain("FROM WHAT YOU FOLLOW");
    for (const id of followed) expect(text.split("FROM WHAT YOU FOLLOW")[1]).toContain(`${SITE_URL}/papers/${id}`);
    if (followed.includes("2606.15007")) expect(text).toContain("You follow NVIDIA ·");
    if (followed.includes("2606.16449")) expect(text).toContain("Author: Shuai Yang ·");
    expect(String(mail!.mail.html)).toContain("From what you follow");
    expect(smtp.acceptedFor("plain@example.com")[0]!.mail.text).not.toContain("FROM WHAT YOU FOLLOW");

    // Both sections are in the never-resend ledger: the weekly digest covering the same Tuesday
    // sends only papers this reader has not had, in either section.
    expect((await t.db.sentPaper.findMany({ where: { subscriberId: subscriber.id } })).map((row) => row.paperId).sort()).toEqual(
      [...sent].sort(),
    );
    await t.db.subscriber.updateMany({ data: { cadence: "WEEKLY" } });
    expect(await runDigest({ cadence: "WEEKLY", now: () => NEXT_MONDAY })).toMatchObject({ period: "2026-W26", sent: 2 });
    const weekly = await deliveredTo(subscriber.id, "WEEKLY");
    expect(weekly.length).toBeGreaterThan(0);
    expect(weekly.filter((id) => sent.includes(id))).toEqual([]);
    expect(weekly.some(isMuted)).toBe(false);
    expect(weekly.slice(10).every(matchesAFollow)).toBe(true);
  });

  it("never repeats a trending paper in the follows section, and sends nothing once everything was sent", async () => {
    const { user, subscriber } = await personalSubscriber("late@example.com");
    await applyFollow(t.db, user.id, { kind: "ORGANIZATION", value: "nvidia", mode: "follow" });
    const day = await t.db.paper.findMany({ where: { feedDate: new Date("2026-06-16T00:00:00Z") }, select: { id: true } });
    await t.db.sentPaper.createMany({
      data: day.filter((paper) => paper.id !== "2606.15007").map((paper) => ({ subscriberId: subscriber.id, paperId: paper.id })),
    });

    // The one unsent paper is trending for this reader, so it is not listed again under their follows.
    expect(await runDigest()).toMatchObject({ sent: 1 });
    expect(await deliveredTo(subscriber.id, "DAILY")).toEqual(["2606.15007"]);
    expect(smtp.acceptedFor("late@example.com")[0]!.mail.text).not.toContain("FROM WHAT YOU FOLLOW");

    await t.db.subscriber.updateMany({ data: { cadence: "WEEKLY" } });
    expect(await runDigest({ cadence: "WEEKLY", now: () => NEXT_MONDAY })).toMatchObject({ sent: 0, skipped: 1 });
  });

  it("ranks the second section with For you's model once the reader has one: 'For you', reasons, nothing repeated", async () => {
    const { user, subscriber } = await personalSubscriber("learner@example.com");
    const video = /video/i;
    const saved = (
      await t.db.paper.findMany({ where: { feedDate: { not: new Date("2026-06-16T00:00:00Z") } }, orderBy: { id: "asc" } })
    ).filter((paper) => video.test(paper.title));
    expect(saved.length).toBeGreaterThanOrEqual(3);
    await t.db.savedPaper.createMany({ data: saved.map((paper) => ({ userId: user.id, paperId: paper.id })) });

    expect(await runDigest()).toMatchObject({ sent: 1, failed: 0 });
    const sent = await deliveredTo(subscriber.id, "DAILY");
    const candidates = (await loadDigestCandidates(t.db, duePeriod("DAILY", WEDNESDAY)!)).map((paper) => paper.id);
    const [trending, forYou] = [sent.slice(0, 10), sent.slice(10)];
    expect(trending).toEqual(candidates.slice(0, 10));
    expect(forYou).toHaveLength(5);
    expect(forYou.filter((id) => trending.includes(id))).toEqual([]);

    // Ranked by what the reader saved: the day's video papers (10 of 34) come first.
    const day = new Map((await t.db.paper.findMany({ where: { id: { in: forYou } } })).map((paper) => [paper.id, paper]));
    expect(forYou.filter((id) => video.test(`${day.get(id)!.title} ${day.get(id)!.abstract}`)).length).toBeGreaterThanOrEqual(3);

    const [mail] = smtp.acceptedFor("learner@example.com");
    const text = mail!.mail.text ?? "";
    expect(text).toContain("FOR YOU");
    expect(text).not.toContain("FROM WHAT YOU FOLLOW");
    expect(String(mail!.mail.html)).toContain(">For you</h2>");
    const section = text.split("FOR YOU")[1]!;
    for (const id of forYou) expect(section).toContain(`${SITE_URL}/papers/${id}`);
    expect(section).toMatch(/Similar to (a paper|\d+ papers) you saved or upvoted: “|Matches what you keep: /);

    // The next run sends none of them again.
    await t.db.digest.deleteMany();
    expect(await runDigest()).toMatchObject({ sent: 1 });
    const again = await deliveredTo(subscriber.id, "DAILY");
    expect(again.filter((id) => sent.includes(id))).toEqual([]);
  });
});
