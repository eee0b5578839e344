// `npm start`: the production server (src/edge/server.ts: the anonymous page cache, render gate and
// per-client budget in front of Next.js), in WEB_CONCURRENCY processes under a supervising primary
// that restarts any that dies (src/edge/supervisor.ts). Usage: tsx scripts/server.ts [-p PORT] [-H HOSTNAME]
import cluster from "node:cluster";
import { parseArgs } from "node:util";
import { z } from "zod";
import { PROJECT_ROOT } from "./lib/project-root";

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535, "must be a TCP port").default(3000),
  hostname: z.string().min(1).default("0.0.0.0"),
});

async function main() {
  const { values } = parseArgs({
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  });
  const args = argsSchema.safeParse(values);
  if (!args.success) throw new Error(`Bad arguments: ${z.prettifyError(args.error)}`);
  // Read by env.ts, which must not load before it is set.
  Object.assign(process.env, { NODE_ENV: "production" });
  const { env } = await import("@/env");
  if (cluster.isPrimary) {
    const { supervise } = await import("@/edge/supervisor");
    supervise({ workers: env.WEB_CONCURRENCY });
    return;
  }
  const { startServer } = await import("@/edge/server");
  const server = await startServer({ ...args.data, dir: PROJECT_ROOT });
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
