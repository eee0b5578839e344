import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** Serializes writers of one address for the rest of the transaction, so two simultaneous subscribes cannot both insert it. */
export async function lockAddress(tx: Prisma.TransactionClient, email: string): Promise<void> {
  // Raw: Prisma has no advisory locks.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`subscriber:${email}`}, 0))`;
}
