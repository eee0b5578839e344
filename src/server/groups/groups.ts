import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { groupFormSchema } from "@/lib/groups/group-form";
import { isReservedSlug, SLUG_MAX_LENGTH, slugFromName, slugPattern } from "@/lib/groups/slug";
import type { Db } from "@/server/db";
import { parseFormOrThrow, parseOrThrow } from "@/server/http/errors";

/** 192 random bits, URL-safe: the secret of /groups/join/<token>. */
function newInviteToken(): string {
  return randomBytes(24).toString("base64url");
}

export const slugSchema = z
  .string()
  .max(SLUG_MAX_LENGTH + 8)
  .regex(slugPattern, "is not a group address");
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/, "is not an invite link");

const groupNotFound = (slug: string) => new AppError("NOT_FOUND", `There is no group “${slug.slice(0, 60)}” here, or it is invite-only.`);

/** A group as its reader may see it: null when it does not exist or is invite-only and they are not in it. */
export async function findVisibleGroup(db: Db, slug: string, viewerId: string | null) {
  if (!slugSchema.safeParse(slug).success) return null;
  const group = await db.readingGroup.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      visibility: true,
      timeZone: true,
      inviteToken: true,
      createdAt: true,
      _count: { select: { members: true } },
      members: viewerId ? { where: { userId: viewerId }, select: { role: true, remindersOffAt: true } } : false,
    },
  });
  if (!group) return null;
  const membership = group.members?.[0] ?? null;
  if (group.visibility === "INVITE" && !membership) return null;
  const { members: _members, _count, inviteToken, ...shown } = group;
  return {
    ...shown,
    memberCount: _count.members,
    role: membership?.role ?? null,
    remindersOn: membership ? membership.remindersOffAt === null : false,
    // Members only: the calendar feed of an invite-only group needs it; organizers also hand it out.
    inviteToken: membership ? inviteToken : null,
  };
}

export type VisibleGroup = NonNullable<Awaited<ReturnType<typeof findVisibleGroup>>>;

/** The group, when the reader may see it; a 404 otherwise (an invite-only group does not admit it exists). */
async function requireVisibleGroup(db: Db, slug: string, viewerId: string | null): Promise<VisibleGroup> {
  const group = await findVisibleGroup(db, slug, viewerId);
  if (!group) throw groupNotFound(slug);
  return group;
}

export async function requireOrganizer(db: Db, slug: string, userId: string, doing: string): Promise<VisibleGroup> {
  const group = await requireVisibleGroup(db, slug, userId);
  if (group.role !== "ORGANIZER") throw new AppError("FORBIDDEN", `Only the group’s organizers can ${doing}.`);
  return group;
}

async function takenSlugs(db: Db, base: string): Promise<Set<string>> {
  const rows = await db.readingGroup.findMany({ where: { slug: { startsWith: base } }, select: { slug: true }, take: 1000 });
  return new Set(rows.map((row) => row.slug));
}

/** The first free of `base`, `base-2`, `base-3`…; past the tenth, a random suffix. */
function pickSlug(base: string, taken: ReadonlySet<string>): string {
  const candidates = [base, ...Array.from({ length: 9 }, (_, index) => `${base}-${index + 2}`)];
  return candidates.find((slug) => !taken.has(slug) && !isReservedSlug(slug)) ?? `${base}-${randomBytes(3).toString("hex")}`;
}

/** Creates a group with its creator as its organizer; answers its address. */
export async function createGroup(db: Db, userId: string, input: unknown): Promise<{ slug: string }> {
  const form = parseFormOrThrow(groupFormSchema, input);
  const base = slugFromName(form.name);
  // Two groups of the same name created at once: the loser of the unique index takes a random suffix.
  for (const random of [false, true, true]) {
    const slug = random ? `${base}-${randomBytes(3).toString("hex")}` : pickSlug(base, await takenSlugs(db, base));
    try {
      return await db.readingGroup.create({
        data: { ...form, slug, inviteToken: newInviteToken(), createdById: userId, members: { create: { userId, role: "ORGANIZER" } } },
        select: { slug: true },
      });
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new AppError("CONFLICT", "The group was not created: its address kept being taken. Please try again.");
}

async function addMember(db: Db, groupId: string, userId: string): Promise<void> {
  await db.groupMember.createMany({ data: [{ groupId, userId }], skipDuplicates: true });
}

/** Joins a public group (idempotent); an invite-only one is joined through its link only. */
export async function joinGroup(db: Db, userId: string, slug: string): Promise<VisibleGroup> {
  const group = await requireVisibleGroup(db, slug, userId);
  if (group.role) return group;
  if (group.visibility !== "PUBLIC") throw groupNotFound(slug);
  await addMember(db, group.id, userId);
  return group;
}

/** What the invite link shows before joining: the group's name and what it is about, or null for a revoked link. */
export async function findGroupByInvite(db: Db, token: string) {
  if (!inviteTokenSchema.safeParse(token).success) return null;
  const group = await db.readingGroup.findUnique({
    where: { inviteToken: token },
    select: { id: true, slug: true, name: true, description: true, _count: { select: { members: true } } },
  });
  return group && { id: group.id, slug: group.slug, name: group.name, description: group.description, memberCount: group._count.members };
}

export async function isMember(db: Db, groupId: string, userId: string): Promise<boolean> {
  return (await db.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { role: true } })) !== null;
}

/** Joins the group an invite link names (idempotent); answers its address. */
export async function joinByInvite(db: Db, userId: string, token: string): Promise<{ slug: string }> {
  const group = await findGroupByInvite(db, parseOrThrow(inviteTokenSchema, token));
  if (!group) throw new AppError("NOT_FOUND", "This invite link is not valid (any more). Ask an organizer for a new one.");
  await addMember(db, group.id, userId);
  return { slug: group.slug };
}

/**
 * Leaves the group. When its last organizer leaves, the longest-standing member becomes one, so a
 * group is never left with members and nobody to schedule its sessions.
 */
export async function leaveGroup(db: Db, userId: string, slug: string): Promise<void> {
  const group = await requireVisibleGroup(db, slug, userId);
  if (!group.role) return;
  await db.$transaction(async (tx) => {
    // Raw: a row lock on the group, so two organizers leaving at once still leave one behind.
    await tx.$queryRaw`SELECT 1 FROM "ReadingGroup" WHERE "id" = ${group.id} FOR UPDATE`;
    const left = await tx.groupMember.deleteMany({ where: { groupId: group.id, userId } });
    if (left.count === 0 || (await tx.groupMember.count({ where: { groupId: group.id, role: "ORGANIZER" } })) > 0) return;
    const successor = await tx.groupMember.findFirst({
      where: { groupId: group.id },
      orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
      select: { userId: true },
    });
    if (successor)
      await tx.groupMember.update({
        where: { groupId_userId: { groupId: group.id, userId: successor.userId } },
        data: { role: "ORGANIZER" },
      });
  });
}

/** A new invite link for the group; the old one stops working. Organizers only. */
export async function regenerateInviteToken(db: Db, userId: string, slug: string): Promise<string> {
  const group = await requireOrganizer(db, slug, userId, "make a new invite link");
  const { inviteToken } = await db.readingGroup.update({
    where: { id: group.id },
    data: { inviteToken: newInviteToken() },
    select: { inviteToken: true },
  });
  return inviteToken;
}

/** Switches the member's session reminders for this group on or off. */
export async function setGroupReminders(db: Db, userId: string, slug: string, on: boolean, now: Date = new Date()): Promise<void> {
  const group = await requireVisibleGroup(db, slug, userId);
  if (!group.role) throw new AppError("FORBIDDEN", "Join the group to get its session reminders.");
  await db.groupMember.update({ where: { groupId_userId: { groupId: group.id, userId } }, data: { remindersOffAt: on ? null : now } });
}

/** The one-click unsubscribe of a reminder email: reminders from this group off for this member (idempotent). */
export async function turnRemindersOff(db: Db, membership: { groupId: string; userId: string }, now: Date = new Date()): Promise<void> {
  await db.groupMember.updateMany({ where: { ...membership, remindersOffAt: null }, data: { remindersOffAt: now } });
}
