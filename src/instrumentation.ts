export async function register() {
  // Instrumentation is also compiled for the Edge runtime, where env.ts (node:fs) cannot load;
  // NEXT_RUNTIME is inlined by Next.js at build time.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/env");
  if (!env.DATABASE_URL) return;
  const { followPaperChanges } = await import("@/server/papers/cache");
  followPaperChanges(env.DATABASE_URL);
}
