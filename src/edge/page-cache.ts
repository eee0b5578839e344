// The anonymous page cache of one app instance: what a signed-out reader sees, rendered once and
// served to everyone until the papers change. A change (a NOTIFY from any instance or process)
// makes every entry stale; the next reader of a stale page waits for one new render (shared with
// everyone asking meanwhile), except within `minRenderIntervalMs` of the page's last render, when
// the cached page is served as it is: votes arriving many times a second then cost at most one
// render per page per interval, and no reader sees data older than that interval after a change.
// Entries merely past `maxAgeMs` (trending scores age) are served while a render replaces them.

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  gzip: Buffer;
  etag: string;
  /** When its render started, as an HTTP-date: its Last-Modified (whole seconds do, a page renders once a second at most). */
  lastModified: string;
}

/** A render's answer, and whether it may be kept for other readers (a 404 or a redirect is not). */
export interface RenderedPage {
  page: CachedPage;
  keep: boolean;
}

interface Entry {
  page: CachedPage;
  version: number;
  renderedAt: number;
  bytes: number;
}

export interface PageCacheOptions {
  /** Bytes of bodies kept (identity and gzip together); least recently used entries go first. */
  maxBytes: number;
  /** Longest an entry is served without a new render even with no change (trending ages). */
  maxAgeMs: number;
  /** Stale entries older than this are not served at all: the request waits for a render. */
  maxStaleMs: number;
  minRenderIntervalMs: number;
  now?: () => number;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly rendering = new Map<string, Promise<CachedPage>>();
  private bytes = 0;
  private version = 0;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The papers changed somewhere: every entry is stale from now on. */
  markChanged(): void {
    this.version += 1;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** The page kept under `key`, however old: what to send when no new render can be made. */
  peek(key: string): CachedPage | null {
    return this.entries.get(key)?.page ?? null;
  }

  /** Answers from the cache when it can; `render` produces the page (and says whether to keep it). */
  async serve(key: string, render: () => Promise<RenderedPage>): Promise<{ state: "hit" | "stale" | "miss"; page: CachedPage }> {
    const entry = this.entries.get(key);
    const now = this.now();
    if (entry && now - entry.renderedAt <= this.options.maxStaleMs) {
      this.touch(key, entry);
      const changed = entry.version !== this.version;
      if (!changed && now - entry.renderedAt < this.options.maxAgeMs) return { state: "hit", page: entry.page };
      if (now - entry.renderedAt < this.options.minRenderIntervalMs || this.rendering.has(key)) return { state: "stale", page: entry.page };
      if (!changed) {
        void this.renderOnce(key, render).catch(() => {});
        return { state: "stale", page: entry.page };
      }
    }
    return { state: "miss", page: await this.renderOnce(key, render) };
  }

  private renderOnce(key: string, render: () => Promise<RenderedPage>): Promise<CachedPage> {
    const pending = this.rendering.get(key);
    if (pending) return pending;
    const version = this.version;
    const renderedAt = this.now();
    const promise = render()
      .then(({ page, keep }) => {
        if (keep) this.store(key, { page, version, renderedAt, bytes: page.body.length + page.gzip.length });
        return page;
      })
      .finally(() => this.rendering.delete(key));
    this.rendering.set(key, promise);
    return promise;
  }

  private store(key: string, entry: Entry): void {
    if (entry.bytes > this.options.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(oldest, old);
    }
  }

  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private delete(key: string, entry = this.entries.get(key)): void {
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
