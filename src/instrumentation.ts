import { env } from "@/env";

export async function register() {
  if (!env.DATABASE_URL) return;
  const { listenForPaperChanges } = await import("@/server/papers-version");
  listenForPaperChanges(env.DATABASE_URL);
}
