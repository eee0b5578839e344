import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import {
  collectionChangesSchema,
  collectionNoteSchema,
  MAX_COLLECTION_PAPERS,
  MAX_COLLECTIONS,
  newCollectionSchema,
  type CollectionVisibilityName,
} from "@/lib/collections/collection-form";
import { AppError } from "@/lib/errors";
import { MAX_FOLLOWS } from "@/lib/follows";
import { slugFromName } from "@/lib/groups/slug";
import { commenterName } from "@/server/accounts/commenter-name";
import { ensureHandle } from "@/server/accounts/handle";
import type { Db } from "@/server/db";
import { parseFormOrThrow, parseOrThrow } from "@/server/http/errors";
import { paperSelect, toPaperDto, type PaperDto } from "@/server/papers/dto";

// A reader's collections: named lists of papers with notes, private, unlisted (a secret link) or
// public. Who may see one is decided here and only here (`visibleCollection`): everything else
// (pages, feeds, exports, the API) asks it. A collection nobody may see is a 404, never a 403, so
// a private collection's address does not even say it exists.

/** A collection's page shows this many papers a page. */
export const COLLECTION_PAGE_SIZE = 50;

export interface CollectionSummary {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  visibility: CollectionVisibilityName;
  handle: string;
  papers: number;
  followers: number;
  hidden: boolean;
  updatedAt: string;
}

/** One of the reader's own collections: with its secret key, which only its owner is ever given. */
export type OwnCollection = CollectionSummary & { shareKey: string };

/** A collection as one viewer may see it; `shareKey` only for its owner. */
export interface CollectionView extends CollectionSummary {
  ownerId: string;
  isOwner: boolean;
  followed: boolean;
  shareKey: string | null;
}

const summarySelect = {
  id: true,
  name: true,
  slug: true,
  description: true,
  visibility: true,
  hiddenAt: true,
  updatedAt: true,
  shareKey: true,
  ownerId: true,
  owner: { select: { handle: true } },
  _count: { select: { papers: true, followers: true } },
} satisfies Prisma.CollectionSelect;

type CollectionRow = Prisma.CollectionGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: CollectionRow): CollectionSummary {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    visibility: row.visibility,
    handle: row.owner.handle ?? commenterName(row.ownerId),
    papers: row._count.papers,
    followers: row._count.followers,
    hidden: row.hiddenAt !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const toOwn = (row: CollectionRow): OwnCollection => ({ ...toSummary(row), shareKey: row.shareKey });

const newShareKey = () => randomBytes(18).toString("base64url");

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function createCollection(db: Db, ownerId: string, input: unknown): Promise<OwnCollection> {
  const { name, description, visibility } = parseFormOrThrow(newCollectionSchema, input);
  if ((await db.collection.count({ where: { ownerId } })) >= MAX_COLLECTIONS) {
    throw new AppError("CONFLICT", `You have ${MAX_COLLECTIONS} collections, the most one reader can have; remove one to make another.`);
  }
  await ensureHandle(db, ownerId);
  const base = slugFromName(name, "collection");
  // The name's slug, or the first free `-2`, `-3`…: the unique index decides under concurrency.
  for (let attempt = 1; attempt <= 20; attempt++) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      const row = await db.collection.create({
        data: { ownerId, name, description, visibility, slug, shareKey: newShareKey() },
        select: summarySelect,
      });
      return toOwn(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("CONFLICT", "You have many collections with this name; pick another name.");
}

/** The collection if `ownerId` owns it, else a 404 (another reader's collection is not theirs to change). */
async function ownCollection(db: Db, ownerId: string, collectionId: string) {
  const row = await db.collection.findFirst({ where: { id: collectionId, ownerId }, select: { id: true } });
  if (!row) throw new AppError("NOT_FOUND", "You have no such collection.");
  return row;
}

export async function updateCollection(db: Db, ownerId: string, collectionId: string, input: unknown): Promise<CollectionSummary> {
  const changes = parseFormOrThrow(collectionChangesSchema, input);
  await ownCollection(db, ownerId, collectionId);
  return toSummary(await db.collection.update({ where: { id: collectionId }, data: changes, select: summarySelect }));
}

/** A new secret link for an unlisted collection; the old one stops working at once. */
export async function rotateShareKey(db: Db, ownerId: string, collectionId: string): Promise<string> {
  await ownCollection(db, ownerId, collectionId);
  const shareKey = newShareKey();
  await db.collection.update({ where: { id: collectionId }, data: { shareKey } });
  return shareKey;
}

export async function deleteCollection(db: Db, ownerId: string, collectionId: string): Promise<void> {
  const { count } = await db.collection.deleteMany({ where: { id: collectionId, ownerId } });
  if (count === 0) throw new AppError("NOT_FOUND", "You have no such collection.");
}

/**
 * Puts a paper in one of the owner's collections or takes it out (idempotent both ways). Putting it
 * in saves it to the library too: collections organise saved papers.
 */
export async function setPaperInCollection(
  db: Db,
  ownerId: string,
  collectionId: string,
  paperId: string,
  inIt: boolean,
): Promise<boolean> {
  await ownCollection(db, ownerId, collectionId);
  if (!inIt) {
    await db.collectionPaper.deleteMany({ where: { collectionId, paperId } });
    await db.collection.update({ where: { id: collectionId }, data: { updatedAt: new Date() } });
    return false;
  }
  const paper = await db.paper.findFirst({ where: { id: paperId, hiddenAt: null }, select: { id: true } });
  if (!paper) throw new AppError("NOT_FOUND", `There is no paper ${paperId} here.`);
  if ((await db.collectionPaper.count({ where: { collectionId } })) >= MAX_COLLECTION_PAPERS) {
    throw new AppError("CONFLICT", `This collection holds ${MAX_COLLECTION_PAPERS} papers, the most one can; start another.`);
  }
  // ON CONFLICT DO NOTHING (an upsert is a read, then a write: two at once would both insert).
  await db.$transaction([
    db.collectionPaper.createMany({ data: [{ collectionId, paperId }], skipDuplicates: true }),
    db.savedPaper.createMany({ data: [{ userId: ownerId, paperId }], skipDuplicates: true }),
    db.collection.update({ where: { id: collectionId }, data: { updatedAt: new Date() } }),
  ]);
  return true;
}

export async function setCollectionNote(db: Db, ownerId: string, collectionId: string, paperId: string, rawNote: string): Promise<void> {
  const note = parseOrThrow(collectionNoteSchema, rawNote);
  await ownCollection(db, ownerId, collectionId);
  const { count } = await db.collectionPaper.updateMany({ where: { collectionId, paperId }, data: { note } });
  if (count === 0) throw new AppError("NOT_FOUND", "That paper is not in this collection.");
}

/** The reader's collections, most recently changed first, and which of them hold `paperId`. */
export async function listOwnCollections(db: Db, ownerId: string, paperId?: string): Promise<(OwnCollection & { holdsPaper: boolean })[]> {
  const rows = await db.collection.findMany({
    where: { ownerId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: MAX_COLLECTIONS,
    select: { ...summarySelect, papers: { where: { paperId: paperId ?? "" }, select: { paperId: true } } },
  });
  return rows.map((row) => ({ ...toOwn(row), holdsPaper: row.papers.length > 0 }));
}

/** A profile's public collections (not hidden), most recently changed first. */
export async function listPublicCollections(db: Db, ownerId: string): Promise<CollectionSummary[]> {
  const rows = await db.collection.findMany({
    where: { ownerId, visibility: "PUBLIC", hiddenAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: MAX_COLLECTIONS,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/**
 * Who may see a collection: its owner always; anyone else a public one that no moderator hid, or an
 * unlisted one (not hidden) with its key. The one rule for pages, feeds, exports and the edge's 404.
 */
export function mayViewCollection(
  collection: { ownerId: string; visibility: CollectionVisibilityName; hiddenAt: Date | null; shareKey: string },
  viewerId: string | null,
  key: string | null | undefined,
): boolean {
  if (viewerId === collection.ownerId) return true;
  if (collection.hiddenAt) return false;
  if (collection.visibility === "PUBLIC") return true;
  return collection.visibility === "UNLISTED" && !!key && sameSecret(key, collection.shareKey);
}

/** The collection at /collections/<handle>/<slug> if this viewer may see it (`mayViewCollection`), else null (a 404). */
export async function visibleCollection(
  db: Db,
  address: { handle: string; slug: string; key?: string | null },
  viewerId: string | null,
): Promise<CollectionView | null> {
  const row = await db.collection.findFirst({
    where: { slug: address.slug, owner: { handle: address.handle } },
    select: summarySelect,
  });
  if (!row || !mayViewCollection(row, viewerId, address.key)) return null;
  const isOwner = viewerId === row.ownerId;
  const followed =
    viewerId && !isOwner ? (await db.collectionFollow.count({ where: { userId: viewerId, collectionId: row.id } })) > 0 : false;
  return { ...toSummary(row), ownerId: row.ownerId, isOwner, followed, shareKey: isOwner ? row.shareKey : null };
}

export interface CollectionEntry {
  paper: PaperDto;
  note: string | null;
  addedAt: string;
}

/** A page of a collection's papers, newest added first (hidden papers left out), and whether there are more. */
export async function listCollectionPapers(
  db: Db,
  collectionId: string,
  { offset = 0, limit = COLLECTION_PAGE_SIZE }: { offset?: number; limit?: number } = {},
): Promise<{ entries: CollectionEntry[]; more: boolean }> {
  const rows = await db.collectionPaper.findMany({
    where: { collectionId, paper: { hiddenAt: null } },
    orderBy: [{ addedAt: "desc" }, { paperId: "asc" }],
    skip: offset,
    take: Math.min(limit, MAX_COLLECTION_PAPERS) + 1,
    select: { note: true, addedAt: true, paper: { select: paperSelect } },
  });
  return {
    entries: rows.slice(0, limit).map((row) => ({ paper: toPaperDto(row.paper), note: row.note, addedAt: row.addedAt.toISOString() })),
    more: rows.length > limit,
  };
}

/** Follows or unfollows a public collection (idempotent); one's own, and private or hidden ones, cannot be followed. */
export async function setCollectionFollowed(db: Db, userId: string, collectionId: string, followed: boolean): Promise<boolean> {
  if (!followed) {
    await db.collectionFollow.deleteMany({ where: { userId, collectionId } });
    return false;
  }
  const collection = await db.collection.findFirst({
    where: { id: collectionId, visibility: "PUBLIC", hiddenAt: null },
    select: { ownerId: true },
  });
  if (!collection) throw new AppError("NOT_FOUND", "There is no public collection to follow here.");
  if (collection.ownerId === userId) throw new AppError("BAD_REQUEST", "This is your own collection: its papers are already yours.");
  const [follows, collectionFollows] = await Promise.all([
    db.follow.count({ where: { userId } }),
    db.collectionFollow.count({ where: { userId } }),
  ]);
  if (follows + collectionFollows >= MAX_FOLLOWS) {
    throw new AppError("CONFLICT", `You follow ${MAX_FOLLOWS} things, the most one reader can; unfollow something first.`);
  }
  try {
    await db.collectionFollow.create({ data: { userId, collectionId } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return true;
}

/** The public collections the reader follows, for /me. */
export async function listFollowedCollections(db: Db, userId: string): Promise<CollectionSummary[]> {
  const rows = await db.collectionFollow.findMany({
    where: { userId, collection: { visibility: "PUBLIC", hiddenAt: null } },
    orderBy: { createdAt: "desc" },
    take: MAX_FOLLOWS,
    select: { collection: { select: summarySelect } },
  });
  return rows.map((row) => toSummary(row.collection));
}

/** One of the owner's collections by its id, as the API addresses them. */
export async function ownCollectionById(db: Db, ownerId: string, collectionId: string): Promise<CollectionView> {
  const row = await db.collection.findFirst({ where: { id: collectionId, ownerId }, select: summarySelect });
  if (!row) throw new AppError("NOT_FOUND", "You have no such collection.");
  return { ...toSummary(row), ownerId, isOwner: true, followed: false, shareKey: row.shareKey };
}
