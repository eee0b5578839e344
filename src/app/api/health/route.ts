import { env } from "@/env";
import { db } from "@/server/db";
import { checkHealth } from "@/server/health/check-health";
// eslint-disable-next-line no-restricted-imports -- package.json lies outside src/, which is all that @/ maps
import packageJson from "../../../../package.json";

const VERSION = env.GIT_COMMIT_SHA ?? env.VERCEL_GIT_COMMIT_SHA ?? packageJson.version;

export async function GET() {
  const health = await checkHealth(db, VERSION);
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
