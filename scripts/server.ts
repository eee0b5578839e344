// `npm start`: the production server. Next.js's own request handler behind the anonymous page
// cache (src/server/page-cache): public pages for signed-out readers are rendered once and served
// from memory until the papers change; everything else is rendered per request as `next start`
// would. Usage: tsx scripts/server.ts [-p PORT] [-H HOSTNAME]
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { z } from "zod";
import { PROJECT_ROOT } from "./workarounds/local-postgres";

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
  // Read by env.ts, which must not be loaded before these are set; a secret per process.
  Object.assign(process.env, { NODE_ENV: "production", PAGE_CACHE_RENDER_SECRET: randomBytes(32).toString("base64url") });
  const { env } = await import("@/env");
  const { default: next } = await import("next");
  const { PageCache } = await import("@/server/page-cache/page-cache");
  const { createCachingHandler } = await import("@/server/page-cache/serve-cached-page");
  const { listenForPaperChanges } = await import("@/server/papers/paper-changes");

  const { port, hostname } = args.data;
  const app = next({ dev: false, dir: PROJECT_ROOT, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer();
  if (env.PAGE_CACHE_MB > 0 && env.DATABASE_URL) {
    const cache = new PageCache({
      maxBytes: env.PAGE_CACHE_MB * 1024 * 1024,
      maxAgeMs: 60_000,
      maxStaleMs: 10 * 60_000,
      minRenderIntervalMs: 1000,
    });
    listenForPaperChanges(env.DATABASE_URL, () => cache.markChanged());
    server.on("listening", () => {
      const address = server.address();
      const listeningPort = typeof address === "object" && address ? address.port : port;
      const renderOrigin = `http://${hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname}:${listeningPort}`;
      const cachingHandler = createCachingHandler({ cache, renderOrigin, renderSecret: env.PAGE_CACHE_RENDER_SECRET!, handle });
      server.on("request", (request, response) => void cachingHandler(request, response).catch(() => response.destroy()));
    });
  } else {
    server.on("request", (request, response) => void handle(request, response).catch(() => response.destroy()));
  }
  server.listen(port, hostname, () => {
    console.log(
      `Daily Papers listening on http://${hostname}:${port} (page cache: ${env.PAGE_CACHE_MB > 0 ? `${env.PAGE_CACHE_MB} MB` : "off"})`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
