import "server-only";
export class FetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FetchError";
  }
}

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
  onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void;
  sleep?: (ms: number) => Promise<void>;
  /** The HTTP client (global fetch by default); the sync job passes its own. */
  fetch?: typeof fetch;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;

/**
 * GET with exponential backoff on 429/5xx and network errors, honouring Retry-After (seconds).
 * Other 4xx answers are returned as-is so the caller can read an error body (arXiv sends one).
 */
export async function fetchWithRetry(url: string, options: RetryOptions = {}): Promise<Response> {
  const { attempts = 4, baseDelayMs = 500, timeoutMs = 20_000, onRetry, sleep = defaultSleep, fetch: send = fetch } = options;
  let lastReason = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let response: Response | null = null;
    try {
      response = await send(url, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: "application/json, application/atom+xml" },
      });
    } catch (error) {
      lastReason = describeNetworkError(error);
    }
    if (response && !RETRYABLE(response.status)) return response;
    if (response) {
      lastReason = `HTTP ${response.status}`;
      await response.body?.cancel();
    }
    if (attempt === attempts) break;
    const retryAfter = Number(response?.headers.get("retry-after"));
    const delayMs = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 60_000) : baseDelayMs * 2 ** (attempt - 1);
    onRetry?.({ url, attempt, delayMs, reason: lastReason });
    await sleep(delayMs);
  }
  throw new FetchError(`GET ${url} failed after ${attempts} attempts: ${lastReason}`);
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timed out";
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ? `network error (${cause.code})` : `network error (${cause?.message ?? error.message})`;
  }
  return "network error";
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
