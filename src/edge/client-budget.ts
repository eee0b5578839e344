// A per-client allowance of renders: a token bucket per client address. One crawler (or one
// script) fetching uncached pages as fast as it can runs out of tokens and is told to slow down
// (429 with Retry-After) long before it fills the render queue that everyone else shares.

export interface ClientBudgetOptions {
  /** Renders a client may have per second, sustained. */
  perSecond: number;
  /** Renders a client may have at once after being idle (a reader opening tabs, a feed reader's burst). */
  burst: number;
  /** Clients remembered; the least recently seen are forgotten first (a forgotten client starts full). */
  maxClients: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class ClientBudget {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(private readonly options: ClientBudgetOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Spends one render of `client`'s allowance; otherwise says how many seconds until one is back. */
  take(client: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.options.burst, at: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.options.perSecond);
    bucket.at = now;
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.options.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens < 1) return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.options.perSecond) };
    bucket.tokens -= 1;
    return { allowed: true };
  }
}
