import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collectionPageSchema, collectionSchema } from "@/lib/collections/collection-api";
import {
  createCollectionHandlers,
  createCollectionPaperHandler,
  createCollectionsHandlers,
} from "@/server/collections/collection-api-handlers";
import { createCollectionDownloadHandler, type CollectionDownload } from "@/server/collections/collection-download-handler";
import {
  createCollection,
  listCollectionPapers,
  rotateShareKey,
  setCollectionFollowed,
  setCollectionNote,
  setPaperInCollection,
  updateCollection,
  visibleCollection,
} from "@/server/collections/collections";
import { runTrendingDigest } from "@/server/digest/trending-digest";
import { createSmtpMailer, type Mailer } from "@/server/email/mailer";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { listLibrary } from "@/server/library/library";
import { moderate } from "@/server/moderation/moderate";
import { getModerationQueue } from "@/server/moderation/queue";
import { reportItem } from "@/server/moderation/reports";
import { getReaderForYou } from "@/server/recs/reader-for-you";
import { createApiToken, revokeApiToken } from "@/server/tokens/api-tokens";
import { createConfirmedSubscriber, createSignedInUser } from "../support/accounts";
import { HF_FIXTURES } from "../support/fixtures";
import { risParse } from "../support/ris";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
// Papers of the fixtures' day 2026-06-16; the daily digest of Wednesday 2026-06-17 covers it.
const A = "2606.16852";
const B = "2606.17046";
const WEDNESDAY = new Date("2026-06-17T07:00:00Z");
let smtp: TestSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  smtp = await startTestSmtpServer();
  mailer = createSmtpMailer(smtp.url, "Daily Papers <papers@example.org>");
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
});

beforeEach(async () => {
  smtp.accepted.length = 0;
  await t.db.digest.deleteMany();
  await t.db.subscriber.deleteMany();
  await t.db.user.deleteMany();
  await t.db.paper.updateMany({ data: { hiddenAt: null } });
});

async function reader(email: string, handle?: string) {
  const made = await createSignedInUser(t.db, email);
  if (handle) await t.db.user.update({ where: { id: made.user.id }, data: { handle } });
  return made;
}

function download(format: CollectionDownload, handle: string, slug: string, options: { key?: string; cookie?: string } = {}) {
  const query = options.key ? `?key=${encodeURIComponent(options.key)}` : "";
  const request = new Request(`http://localhost/collections/${handle}/${slug}/x${query}`, {
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  return createCollectionDownloadHandler(t.db, format)(request, { params: Promise.resolve({ handle, slug }) });
}

describe("collections", () => {
  it("are private, unlisted (only by the link) or public, and a hidden one is seen by its owner only", async () => {
    const owner = await reader("owner@example.com", "ada");
    const other = await reader("other@example.com", "bob");
    const made = await createCollection(t.db, owner.user.id, { name: "Long context", description: "What I read" });
    expect(made).toMatchObject({ slug: "long-context", handle: "ada", visibility: "PRIVATE" });
    const address = { handle: "ada", slug: "long-context" };
    await setPaperInCollection(t.db, owner.user.id, made.id, A, true);

    // Private: the owner sees it; anyone else, signed in or not, gets nothing (a 404), key or no key.
    expect(await visibleCollection(t.db, address, owner.user.id)).toMatchObject({ isOwner: true, papers: 1 });
    expect(await visibleCollection(t.db, address, other.user.id)).toBeNull();
    expect(await visibleCollection(t.db, address, null)).toBeNull();
    expect((await download("ris", "ada", "long-context")).status).toBe(404);
    expect((await download("ris", "ada", "long-context", { cookie: other.cookie })).status).toBe(404);
    expect((await download("ris", "ada", "long-context", { cookie: owner.cookie })).status).toBe(200);
    const owned = await visibleCollection(t.db, address, owner.user.id);
    expect((await download("ris", "ada", "long-context", { key: owned!.shareKey! })).status).toBe(404);

    // Unlisted: only with the key; a new link kills the old one.
    await updateCollection(t.db, owner.user.id, made.id, { visibility: "UNLISTED" });
    const key = (await visibleCollection(t.db, address, owner.user.id))!.shareKey!;
    expect(await visibleCollection(t.db, address, other.user.id)).toBeNull();
    expect(await visibleCollection(t.db, { ...address, key: "wrong" }, other.user.id)).toBeNull();
    expect(await visibleCollection(t.db, { ...address, key }, other.user.id)).toMatchObject({ isOwner: false, shareKey: null });
    const feed = await download("rss", "ada", "long-context", { key });
    expect(feed.status).toBe(200);
    expect(feed.headers.get("cache-control")).toBe("private, no-store");
    const newKey = await rotateShareKey(t.db, owner.user.id, made.id);
    expect(await visibleCollection(t.db, { ...address, key }, null)).toBeNull();
    expect(await visibleCollection(t.db, { ...address, key: newKey }, null)).not.toBeNull();

    // Public: anyone; a moderator's hiding leaves it to the owner alone.
    await updateCollection(t.db, owner.user.id, made.id, { visibility: "PUBLIC" });
    expect(await visibleCollection(t.db, address, null)).toMatchObject({ visibility: "PUBLIC" });
    await reportItem(t.db, other.user.id, { collectionId: made.id }, "Spam links in the notes");
    expect((await getModerationQueue(t.db)).reports[0]!.target).toMatchObject({
      type: "collection",
      collectionId: made.id,
      path: "/collections/ada/long-context",
    });
    await moderate(t.db, "mod@example.com", { kind: "HIDE_COLLECTION", target: made.id, reason: "Spam" });
    expect(await visibleCollection(t.db, address, null)).toBeNull();
    expect(await visibleCollection(t.db, address, owner.user.id)).toMatchObject({ hidden: true });
    expect((await getModerationQueue(t.db)).reports).toEqual([]);
    await expect(reportItem(t.db, owner.user.id, { collectionId: made.id }, "again please")).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Nobody else can change it.
    await expect(setPaperInCollection(t.db, other.user.id, made.id, B, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateCollection(t.db, other.user.id, made.id, { name: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("checks its input, keeps a paper once however often it is added at once, and saves it to the library", async () => {
    const { user } = await reader("adder@example.com");
    await expect(createCollection(t.db, user.id, { name: "  " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { fields: { name: "Give the collection a name." } },
    });
    await expect(createCollection(t.db, user.id, { name: "x", visibility: "SECRET" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createCollection(t.db, user.id, { name: "two\nlines" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Same name at once: distinct addresses, and a reader without a handle gets the one their comments show.
    const made = await Promise.all(Array.from({ length: 4 }, () => createCollection(t.db, user.id, { name: "Reading — list" })));
    expect(made.map((collection) => collection.slug).sort()).toEqual([
      "reading-list",
      "reading-list-2",
      "reading-list-3",
      "reading-list-4",
    ]);
    expect(made[0]!.handle).toMatch(/^reader-[0-9a-f]{6}$/);
    const [first] = made;
    await Promise.all(Array.from({ length: 10 }, () => setPaperInCollection(t.db, user.id, first!.id, A, true)));
    await expect(setPaperInCollection(t.db, user.id, first!.id, "2699.99999", true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.collectionPaper.count({ where: { collectionId: first!.id } })).toBe(1);
    expect((await listLibrary(t.db, user.id)).map((entry) => entry.paper.id)).toEqual([A]);
    await expect(setCollectionNote(t.db, user.id, first!.id, B, "not in it")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setPaperInCollection(t.db, user.id, first!.id, A, false);
    await setPaperInCollection(t.db, user.id, first!.id, A, false);
    expect((await listCollectionPapers(t.db, first!.id)).entries).toEqual([]);
    expect((await listLibrary(t.db, user.id)).map((entry) => entry.paper.id)).toEqual([A]);
  });

  it("exports BibTeX and RIS that parsers read back, with notes, and feeds a feed reader can read", async () => {
    const { user } = await reader("exporter@example.com", "cyd");
    const made = await createCollection(t.db, user.id, { name: "Shared", visibility: "PUBLIC" });
    await setPaperInCollection(t.db, user.id, made.id, A, true);
    await setPaperInCollection(t.db, user.id, made.id, B, true);
    await setCollectionNote(t.db, user.id, made.id, B, "Read §3 first\nthen the appendix");
    const papers = await t.db.paper.findMany({ where: { id: { in: [A, B] } }, select: { id: true, title: true } });
    const title = (id: string) => papers.find((paper) => paper.id === id)!.title;

    const bib = await download("bibtex", "cyd", "shared");
    expect(bib.headers.get("content-disposition")).toBe('attachment; filename="shared.bib"');
    const parsed = parseBibtex(await bib.text());
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((entry) => entry.fields.eprint)).toEqual([B, A]);

    const ris = risParse(await (await download("ris", "cyd", "shared")).text());
    expect(ris.map((record) => record.title)).toEqual([title(B), title(A)]);
    expect(ris[0]!.note).toContain("Read §3 first");

    const xml = await (await download("rss", "cyd", "shared")).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = new XMLParser().parse(xml).rss.channel.item as { title: string }[];
    expect(items.map((item) => item.title)).toEqual([title(B), title(A)]);
    const json = (await (await download("json", "cyd", "shared")).json()) as { version: string; items: { title: string }[] };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.items.map((item) => item.title)).toEqual([title(B), title(A)]);
    const bad = await createCollectionDownloadHandler(t.db, "rss")(new Request("http://localhost/x?key=" + "k".repeat(65)), {
      params: Promise.resolve({ handle: "cyd", slug: "shared" }),
    });
    expect(bad.status).toBe(400);
  });

  it("brings a followed collection's new papers to for-you and the digest, saying which collection", async () => {
    const curator = await reader("curator@example.com", "dee");
    const follower = await reader("follower@example.com", "eve");
    const made = await createCollection(t.db, curator.user.id, { name: "Video generation picks", visibility: "PUBLIC" });
    const secret = await createCollection(t.db, curator.user.id, { name: "Drafts" });
    await expect(setCollectionFollowed(t.db, follower.user.id, secret.id, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setCollectionFollowed(t.db, curator.user.id, made.id, true)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await Promise.all([
      setCollectionFollowed(t.db, follower.user.id, made.id, true),
      setCollectionFollowed(t.db, follower.user.id, made.id, true),
    ]);
    expect(await t.db.collectionFollow.count()).toBe(1);

    await setPaperInCollection(t.db, curator.user.id, made.id, A, true);
    await t.db.collectionPaper.updateMany({ where: { collectionId: made.id }, data: { addedAt: new Date("2026-06-16T12:00:00Z") } });

    const forYou = await getReaderForYou(t.db, follower.user.id, WEDNESDAY);
    expect(forYou.items[0]).toMatchObject({
      paper: { id: A },
      reason: { kind: "collection", name: "Video generation picks", handle: "dee", slug: "video-generation-picks" },
    });

    const subscriber = await createConfirmedSubscriber(t.db, "follower@example.com");
    await t.db.subscriber.update({ where: { id: subscriber.id }, data: { userId: follower.user.id, content: "TRENDING_AND_FOLLOWS" } });
    expect(
      await runTrendingDigest({ db: t.db, mailer, now: () => WEDNESDAY, cadence: "DAILY", siteUrl: "https://papers.example.org" }),
    ).toMatchObject({
      sent: 1,
      failed: 0,
    });
    const delivery = await t.db.digestDelivery.findFirstOrThrow({ where: { subscriberId: subscriber.id } });
    expect(delivery.paperIds).toContain(A);
    expect(delivery.paperIds.indexOf(A)).toBeGreaterThanOrEqual(10);
    expect(smtp.acceptedFor("follower@example.com")[0]!.mail.text).toContain("In Video generation picks by dee");

    // Unfollowed, or hidden by a moderator: gone from for-you.
    await moderate(t.db, "mod@example.com", { kind: "HIDE_COLLECTION", target: made.id, reason: "Spam" });
    expect((await getReaderForYou(t.db, follower.user.id, WEDNESDAY)).items.some((item) => item.reason.kind === "collection")).toBe(false);
  });

  it("are listed, made, read and filled over the API with a token: read-only refused on writes, revoked at once", async () => {
    const { user } = await reader("api@example.com", "fay");
    const other = await reader("other-api@example.com", "gus");
    const { token: write, summary } = await createApiToken(t.db, user.id, { name: "script", scope: "WRITE" });
    const { token: read } = await createApiToken(t.db, user.id, { name: "reader", scope: "READ" });
    const call = (token: string, method: string, path: string, body?: unknown) =>
      new Request(`https://papers.example.org${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    const list = createCollectionsHandlers(t.db);
    const one = createCollectionHandlers(t.db);
    const put = createCollectionPaperHandler(t.db, true);
    const params = <T>(value: T) => ({ params: Promise.resolve(value) });

    const made = await list.POST(call(write, "POST", "/api/me/collections", { name: "Via API", visibility: "UNLISTED" }), undefined);
    expect(made.status).toBe(201);
    const collection = collectionSchema.parse(await made.json());
    expect(collection.url).toMatch(/^https?:\/\/[^/]+\/collections\/fay\/via-api\?key=/);
    expect((await list.POST(call(read, "POST", "/api/me/collections", { name: "Nope" }), undefined)).status).toBe(403);
    const invalid = await list.POST(call(write, "POST", "/api/me/collections", { name: "" }), undefined);
    expect(invalid.status).toBe(400);

    expect((await put(call(read, "PUT", "/x"), params({ id: collection.id, paperId: A }))).status).toBe(403);
    expect((await put(call(write, "PUT", "/x"), params({ id: collection.id, paperId: A }))).status).toBe(200);
    expect((await put(call(write, "PUT", "/x"), params({ id: collection.id, paperId: "not-an-id" }))).status).toBe(400);
    const page = collectionPageSchema.parse(await (await one.GET(call(read, "GET", "/x"), params({ id: collection.id }))).json());
    expect(page.papers.map((entry) => entry.paper.id)).toEqual([A]);
    expect(page.nextPage).toBeNull();
    expect((await one.GET(call(read, "GET", "/x?p=99"), params({ id: collection.id }))).status).toBe(400);
    const listed = (await (await list.GET(call(read, "GET", "/api/me/collections"), undefined)).json()) as unknown[];
    expect(listed.map((item) => collectionSchema.parse(item).id)).toEqual([collection.id]);

    // Another reader's token sees none of it.
    const { token: theirs } = await createApiToken(t.db, other.user.id, { name: "theirs", scope: "WRITE" });
    expect((await one.GET(call(theirs, "GET", "/x"), params({ id: collection.id }))).status).toBe(404);
    expect((await put(call(theirs, "PUT", "/x"), params({ id: collection.id, paperId: B }))).status).toBe(404);

    await revokeApiToken(t.db, user.id, summary.id, new Date());
    expect((await one.DELETE(call(write, "DELETE", "/x"), params({ id: collection.id }))).status).toBe(401);
    expect(await t.db.collection.count({ where: { id: collection.id } })).toBe(1);
  });
});
