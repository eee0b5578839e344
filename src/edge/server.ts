// One production server process: Next.js's request handler behind the edge (request-handler.ts):
// the anonymous page cache, the render gate and the per-client budget. Started by scripts/server.ts,
// under the supervisor (supervisor.ts) that restarts it if it dies.
import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import next from "next";
import { ClientBudget } from "@/edge/client-budget";
import { PageCache } from "@/edge/page-cache";
import { RenderGate } from "@/edge/render-gate";
import { createRenderSecret } from "@/edge/render-secret";
import { createEdgeHandler, type EdgeHandlerOptions, type NextHandler } from "@/edge/request-handler";
import { env } from "@/env";
import { clientFromForwardedFor } from "@/lib/client-address";
import { isDatabaseReachable, onPapersChanged } from "@/server/changes/listener";

export interface ServerOptions {
  port: number;
  hostname: string;
  /** The folder holding the build (.next) and public/. */
  dir: string;
}

/** How long in-flight requests may take to finish after SIGTERM before their connections are cut. */
const DRAIN_MS = 10_000;

function pageCacheOf(databaseUrl: string | undefined): PageCache | null {
  if (env.PAGE_CACHE_MB === 0 || !databaseUrl) return null;
  const cache = new PageCache({
    maxBytes: env.PAGE_CACHE_MB * 1024 * 1024,
    maxAgeMs: 60_000,
    maxStaleMs: 10 * 60_000,
    minRenderIntervalMs: 1000,
  });
  onPapersChanged(databaseUrl, () => cache.markChanged());
  return cache;
}

function clientOf(request: IncomingMessage): string {
  const socketAddress = request.socket.remoteAddress ?? "unknown";
  if (env.TRUST_PROXY === 0) return socketAddress;
  const forwardedFor = request.headers["x-forwarded-for"];
  return clientFromForwardedFor(Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, env.TRUST_PROXY) ?? socketAddress;
}

function publicFiles(dir: string): Set<string> {
  try {
    return new Set(readdirSync(join(dir, "public")).map((name) => `/${name}`));
  } catch {
    return new Set();
  }
}

// The page cache renders through a loopback listener of this process's own, so that with several
// processes sharing the public port a render never lands in another process (whose secret differs).
async function listenForRenders(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startServer({ port, hostname, dir }: ServerOptions): Promise<{ close: () => Promise<void> }> {
  const app = next({ dev: false, dir, hostname, port });
  await app.prepare();
  const handle: NextHandler = app.getRequestHandler();
  const cache = pageCacheOf(env.DATABASE_URL);
  const databaseUrl = env.DATABASE_URL;
  // Its listener is the process's one connection to the database that is always open: it tells.
  if (databaseUrl && !cache) onPapersChanged(databaseUrl, () => {});
  const servers: Server[] = [createServer()];
  let target: EdgeHandlerOptions["cache"] = null;
  if (cache) {
    const renderServer = createServer();
    servers.push(renderServer);
    target = { pages: cache, target: { origin: await listenForRenders(renderServer), secret: createRenderSecret() } };
  }
  const files = publicFiles(dir);
  const handler = createEdgeHandler({
    handle,
    cache: target,
    gate: new RenderGate({ concurrency: env.RENDER_CONCURRENCY, queue: env.RENDER_QUEUE, maxWaitMs: env.RENDER_QUEUE_WAIT_MS }),
    budget:
      env.CLIENT_RENDERS_PER_SECOND > 0
        ? new ClientBudget({ perSecond: env.CLIENT_RENDERS_PER_SECOND, burst: 4 * env.CLIENT_RENDERS_PER_SECOND, maxClients: 100_000 })
        : null,
    clientOf,
    isStaticFile: (pathname) => files.has(pathname),
    databaseReachable: () => !databaseUrl || isDatabaseReachable(databaseUrl),
  });
  for (const server of servers)
    server.on("request", (request, response) => void handler(request, response).catch(() => response.destroy()));
  await new Promise<void>((resolve) => servers[0]!.listen(port, hostname, resolve));
  console.log(
    `Daily Papers listening on http://${hostname}:${port} (process ${process.pid}; page cache: ${cache ? `${env.PAGE_CACHE_MB} MB` : "off"}; ` +
      `${env.RENDER_CONCURRENCY} renders at once, ${env.RENDER_QUEUE} waiting)`,
  );
  return {
    // Stops taking connections, lets the requests under way finish, then cuts what is left.
    close: async () => {
      const closed = Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      // Keep-alive connections go as soon as their last answer is out, not at their idle timeout.
      const idle = setInterval(() => servers.forEach((server) => server.closeIdleConnections()), 100);
      const timer = setTimeout(() => servers.forEach((server) => server.closeAllConnections()), DRAIN_MS);
      await closed;
      clearInterval(idle);
      clearTimeout(timer);
    },
  };
}
