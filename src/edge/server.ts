// The production server: Next.js's own request handler behind the anonymous page cache. Public
// pages for signed-out readers are rendered once and served from memory until the papers change;
// everything else is rendered per request as `next start` would. Started by scripts/server.ts.
import { createServer, type Server } from "node:http";
import next from "next";
import { createCachingHandler } from "@/edge/caching-handler";
import { PageCache } from "@/edge/page-cache";
import { env } from "@/env";
import { onPapersChanged } from "@/server/changes/listener";

export interface ServerOptions {
  port: number;
  hostname: string;
  /** The folder holding the build (.next). */
  dir: string;
}

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

export async function startServer({ port, hostname, dir }: ServerOptions): Promise<Server> {
  const app = next({ dev: false, dir, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer();
  const cache = pageCacheOf(env.DATABASE_URL);
  if (cache) {
    // The cache renders through this server's own address, known once it listens (port 0 picks one).
    server.on("listening", () => {
      const address = server.address();
      const listeningPort = typeof address === "object" && address ? address.port : port;
      const renderHost = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
      const cachingHandler = createCachingHandler({ cache, renderOrigin: `http://${renderHost}:${listeningPort}`, handle });
      server.on("request", (request, response) => void cachingHandler(request, response).catch(() => response.destroy()));
    });
  } else {
    server.on("request", (request, response) => void handle(request, response).catch(() => response.destroy()));
  }
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`Daily Papers listening on http://${hostname}:${port} (page cache: ${cache ? `${env.PAGE_CACHE_MB} MB` : "off"})`);
  return server;
}
