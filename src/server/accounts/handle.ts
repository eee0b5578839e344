import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { handleSchema } from "@/lib/handles";
import { commenterName } from "@/server/accounts/commenter-name";
import type { Db } from "@/server/db";
import { parseOrThrow } from "@/server/http/errors";

/** Sets the account's public handle; unique across accounts (a taken one is refused with 409). */
export async function setHandle(db: Db, userId: string, raw: string): Promise<string> {
  const handle = parseOrThrow(handleSchema, raw);
  try {
    await db.user.update({ where: { id: userId }, data: { handle } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `The handle “${handle}” is taken; pick another.`);
    }
    throw error;
  }
  return handle;
}

/**
 * The account's handle, given one when it has none, for what must name it in an address or a byline
 * (a collection, a verified author). The handle given is the name their comments already show
 * (`reader-…`), which readers cannot pick for themselves, so it names nobody else.
 */
export async function ensureHandle(db: Pick<Db, "user">, userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { handle: true } });
  if (user.handle) return user.handle;
  await db.user.updateMany({ where: { id: userId, handle: null }, data: { handle: commenterName(userId) } });
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { handle: true } })).handle ?? commenterName(userId);
}
