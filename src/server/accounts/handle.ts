import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { handleSchema } from "@/lib/handles";
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
