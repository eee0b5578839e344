import type { IncomingMessage, ServerResponse } from "node:http";
import { pageCacheEntry, type PageCacheEntry } from "@/edge/cache-key";
import type { ClientBudget } from "@/edge/client-budget";
import type { PageCache } from "@/edge/page-cache";
import { renderForCache, type RenderTarget } from "@/edge/render-for-cache";
import { Overloaded, type RenderGate } from "@/edge/render-gate";
import { isPageCacheRender, PAGE_CACHE_RENDER_HEADER } from "@/edge/render-secret";
import { sendPage } from "@/edge/send-page";

export type NextHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface EdgeHandlerOptions {
  /** Next.js's request handler. */
  handle: NextHandler;
  /** The anonymous page cache and where it renders; null when it is off. */
  cache: { pages: PageCache; target: RenderTarget } | null;
  /** The bound on renders in flight, shared by cache misses and uncached requests. */
  gate: RenderGate;
  /** Each client's allowance of renders; null for none. */
  budget: ClientBudget | null;
  /** Who is asking, for the budget (the socket address, or the trusted proxies' X-Forwarded-For). */
  clientOf: (request: IncomingMessage) => string;
  /** Files served as they are (Next.js's build output, public/): no render, no bound. */
  isStaticFile: (pathname: string) => boolean;
  /** Whether the database can be reached; while it cannot, a failed page is a 503, not a 500. */
  databaseReachable: () => boolean;
}

/** Seconds a reader (or crawler) turned away for overload is asked to wait. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 5;
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

class OverBudget extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("This client asked for too many uncached pages.");
  }
}

/**
 * The production server's request handler. Public pages for signed-out readers come from the page
 * cache; everything else is rendered by Next.js per request. Every render (a cache miss or an
 * uncached request) spends the client's budget and waits for a slot at the render gate: a client
 * over its budget gets 429, a full gate 503, both at once and with Retry-After, while cached pages
 * (stale ones too, when no render can be made) keep being served to everyone.
 */
export function createEdgeHandler(options: EdgeHandlerOptions) {
  const { gate, cache } = options;

  const spendBudget = (request: IncomingMessage): void => {
    // Prefetches are the browser's guesses, not the reader's clicks (a list prefetches its links);
    // they still wait for the gate like every render.
    if (!options.budget || request.headers["next-router-prefetch"] !== undefined) return;
    const spent = options.budget.take(options.clientOf(request));
    if (!spent.allowed) throw new OverBudget(spent.retryAfterSeconds);
  };

  const renderUncached = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      spendBudget(request);
      await gate.run(() => handleToTheEnd(options, request, response));
    } catch (error) {
      if (!refuse(request, response, error)) throw error;
    }
  };

  const serveFromCache = async (request: IncomingMessage, response: ServerResponse, entry: PageCacheEntry): Promise<void> => {
    const { pages, target } = cache!;
    try {
      const served = await pages.serve(entry.key, () => {
        spendBudget(request);
        return gate.run(() => renderForCache(request, entry.url, target));
      });
      sendPage(request, response, served.page, served.state);
    } catch (error) {
      const last = pages.peek(entry.key);
      if (last) return sendPage(request, response, last, "stale");
      if (refuse(request, response, error)) return;
      console.error("Rendering a page for the page cache failed; answering without the cache.", error);
      await gate
        .run(() => handleToTheEnd(options, request, response))
        .catch((overloaded: unknown) => {
          if (!refuse(request, response, overloaded)) throw overloaded;
        });
    }
  };

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.headers[PAGE_CACHE_RENDER_HEADER] !== undefined) {
      // The page cache's own render: the request that asked for it holds the slot already.
      if (isPageCacheRender(String(request.headers[PAGE_CACHE_RENDER_HEADER]))) return handleToTheEnd(options, request, response);
      delete request.headers[PAGE_CACHE_RENDER_HEADER];
    }
    const pathname = (request.url ?? "/").split("?", 1)[0]!;
    if (pathname.startsWith("/_next/static/") || options.isStaticFile(pathname)) return options.handle(request, response);
    const entry = cache ? pageCacheEntry(request) : null;
    return entry ? serveFromCache(request, response, entry) : renderUncached(request, response);
  };
}

/**
 * Next.js's answer, resolved when it has been sent (Next.js may resolve earlier while streaming).
 * A reader who left while waiting for a slot gets nothing: their response has closed already, and
 * waiting for it to close again would hold the slot for ever.
 */
function handleToTheEnd(options: EdgeHandlerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (response.destroyed || request.socket.destroyed) return Promise.resolve();
  answerUnavailableWhileDatabaseIsDown(response, options.databaseReachable);
  return new Promise<void>((resolve, reject) => {
    response.once("close", resolve);
    options.handle(request, response).catch(reject);
  });
}

// Next.js answers a page whose data could not be loaded with a 500 and its error page. While the
// database is down (restarting, failing over) that is not a bug but a moment to wait: say 503 with
// Retry-After, which crawlers and monitors understand, and keep 500 for real faults.
function answerUnavailableWhileDatabaseIsDown(response: ServerResponse, databaseReachable: () => boolean): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode >= 500 && statusCode !== 503 && !databaseReachable()) {
      this.setHeader("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      this.setHeader("cache-control", "no-store");
      const headers = rest.find((argument) => typeof argument === "object");
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, 503, ...(headers ? [headers] : []));
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as ServerResponse["writeHead"];
}

/** Answers a refused render (429 over budget, 503 overloaded) at once; false for any other error. */
function refuse(request: IncomingMessage, response: ServerResponse, error: unknown): boolean {
  if (error instanceof OverBudget) {
    send(
      request,
      response,
      429,
      error.retryAfterSeconds,
      "RATE_LIMITED",
      "Too many uncached pages from your address: slow down and try again shortly.",
    );
    return true;
  }
  if (error instanceof Overloaded) {
    send(
      request,
      response,
      503,
      OVERLOADED_RETRY_AFTER_SECONDS,
      "UNAVAILABLE",
      "The site is very busy right now. Please try again in a few seconds.",
    );
    return true;
  }
  return false;
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  retryAfterSeconds: number,
  code: string,
  message: string,
) {
  if (response.headersSent) return void response.destroy();
  const api = (request.url ?? "").startsWith("/api/");
  const body = api ? JSON.stringify({ error: { code, message } }) : `${message}\n`;
  response.writeHead(status, {
    "content-type": api ? "application/json" : "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "retry-after": String(retryAfterSeconds),
    "cache-control": "no-store",
  });
  response.end(request.method === "HEAD" ? undefined : body);
}
