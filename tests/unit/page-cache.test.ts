import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pageCacheEntry } from "@/edge/cache-key";
import { inlineScriptHashes } from "@/edge/inline-scripts";
import { PageCache, type CachedPage } from "@/edge/page-cache";

const page = (text: string): CachedPage => ({
  status: 200,
  headers: [["content-type", "text/html"]],
  body: Buffer.from(text),
  gzip: Buffer.from(text),
  etag: `"${text}"`,
  lastModified: "Mon, 01 Jun 2026 00:00:00 GMT",
});

describe("which requests the page cache answers", () => {
  const get = (url: string, headers: Record<string, string> = {}, method = "GET") => pageCacheEntry({ method, url, headers })?.key ?? null;

  it("takes public pages and read APIs for signed-out readers", () => {
    for (const url of [
      "/",
      "/papers",
      "/papers?q=diffusion",
      "/papers/2606.11176",
      "/papers/date/2026-06-16",
      "/orgs/nvidia",
      "/authors/Ada",
      "/users/ada",
      "/about/ranking",
      "/api/daily_papers?limit=5",
      "/api/papers/2606.11176",
      "/papers/feed.xml",
      "/papers/similar/2606.11176",
      "/orgs/nvidia/feed.json",
      "/robots.txt",
      "/sitemap.xml",
      "/sitemaps/papers/2026-06-16_latest.xml",
      "/llms.txt",
      "/papers/2606.11176.md",
      "/papers/hep-th/9901001.md",
      "/papers/date/2026-06-16.md",
    ]) {
      expect(get(url), url).not.toBeNull();
    }
    expect(get("/", {}, "HEAD")).toBe(get("/"));
  });

  it("leaves private pages, writes and signed-in readers to Next.js", () => {
    for (const url of [
      "/me",
      "/me/library",
      "/admin",
      "/submit",
      "/subscribe",
      "/auth/signin",
      "/api/auth/session",
      "/papers/for-you",
      "/papers/for-you/secret/feed.xml",
      "/preferences/x",
      "/dev/mailbox",
      "/api/papers/2606.11176/upvote",
      "/api/health",
      "/no-such-route",
    ]) {
      expect(get(url), url).toBeNull();
    }
    expect(get("/", {}, "POST")).toBeNull();
    expect(get("/", { cookie: "theme=dark; next-auth.session-token=abc" })).toBeNull();
    expect(get("/", { cookie: "__Secure-next-auth.session-token=abc" })).toBeNull();
    expect(get("/", { "next-action": "x" })).toBeNull();
    expect(get("/", { cookie: "next-auth.csrf-token=abc" })).toBe(get("/"));
    expect(get("/", { cookie: "x-next-auth.session-token=abc" })).toBe(get("/"));
  });

  it("keys and renders a page by the query parameters its route reads, first value only, in one order", () => {
    const entry = (url: string) => pageCacheEntry({ method: "GET", url, headers: {} });
    expect(entry("/papers/2606.11176?junk=1")).toEqual(entry("/papers/2606.11176"));
    expect(entry("/papers/2606.11176?utm_source=x&cpage=2&comments=oldest")?.url).toBe("/papers/2606.11176?comments=oldest&cpage=2");
    expect(entry("/?cursor=abc&sort=newest&x=1")?.url).toBe("/?sort=newest&cursor=abc");
    expect(entry("/papers?q=diffusion&q=other")?.url).toBe("/papers?q=diffusion");
    expect(entry("/papers?q=diffusion")?.key).not.toBe(entry("/papers?q=transformers")?.key);
    expect(entry("/api/daily_papers?limit=5&date=2026-06-01&foo=1")?.url).toBe("/api/daily_papers?date=2026-06-01&limit=5");
    // The client router's own cache-buster stays: Next.js checks it against the router headers.
    expect(entry("/papers/trending?_rsc=abc")?.url).toBe("/papers/trending?_rsc=abc");
    expect(entry("//evil.example/papers")).toBeNull();
    // A Markdown rendition reads no query: its route's, not the page's it renders.
    expect(entry("/papers/2606.11176.md?comments=oldest&cpage=2")?.url).toBe("/papers/2606.11176.md");
    expect(entry("/papers/date/2026-06-16.md?sort=newest&cat=xx.YY")?.url).toBe("/papers/date/2026-06-16.md");
  });

  it("keys a list by its filter in one order, and leaves a bad filter to the page's 400", () => {
    const entry = (url: string) => pageCacheEntry({ method: "GET", url, headers: {} });
    expect(entry("/papers/date/2026-06-16?code=1&not=cs.RO&not=cs.CV&cat=cs&junk=1")?.url).toBe(
      "/papers/date/2026-06-16?cat=cs&not=cs.CV&not=cs.RO&code=1",
    );
    expect(entry("/papers/date/2026-06-16?not=cs.CV&not=cs.RO")?.key).toBe(
      entry("/papers/date/2026-06-16?not=cs.RO&not=cs.CV&not=cs.RO")?.key,
    );
    expect(entry("/papers/date/2026-06-16?not=cs.CV")?.key).not.toBe(entry("/papers/date/2026-06-16")?.key);
    expect(entry("/papers/date/2026-06-16?code=0&min=0")?.key).toBe(entry("/papers/date/2026-06-16")?.key);
    expect(entry("/papers/category/cs.CL/trending?min=5&cursor=1.50")?.url).toBe("/papers/category/cs.CL/trending?cursor=1.50&min=5");
    // Routes that list no papers ignore the names like any other unknown parameter.
    expect(entry("/about/ranking?cat=cs.CL")?.url).toBe("/about/ranking");
    for (const bad of [
      "cat=xx.YY",
      "not=cs.CV%00",
      "min=-3",
      "code=2",
      Array.from({ length: 21 }, (_, i) => `cat=cs.${["AI", "CL", "CV", "LG", "RO", "IR", "NE"][i % 7]}`).join("&") + "&cat=math",
    ]) {
      expect(entry(`/papers/date/2026-06-16?${bad}`), bad).toBeNull();
    }
  });

  it("keeps the page, its RSC payloads and the crawler variant apart", () => {
    expect(get("/", { rsc: "1" })).not.toBe(get("/"));
    expect(get("/", { rsc: "1", "next-router-prefetch": "1" })).not.toBe(get("/", { rsc: "1" }));
    expect(get("/", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" })).not.toBe(
      get("/", { "user-agent": "Mozilla/5.0 Chrome" }),
    );
    expect(get("/", { "accept-language": "de" })).toBe(get("/"));
  });
});

describe("inline script hashes", () => {
  it("hashes each inline script's text exactly, once, and skips external scripts", () => {
    const theme = "document.documentElement.classList.add('dark')";
    const flight = 'self.__next_f.push([1,"a\\u003c/script>"])';
    const html = `<html><head><script>${theme}</script><script src="/_next/static/a.js" async></script></head><body><script>${flight}</script><script>${theme}</script><script id="x" src='/b.js'></script></body></html>`;
    const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(inlineScriptHashes(html)).toEqual([sha(theme), sha(flight)]);
  });
});

describe("the page cache", () => {
  function setup() {
    let clock = 0;
    const cache = new PageCache({ maxBytes: 1000, maxAgeMs: 60_000, maxStaleMs: 600_000, minRenderIntervalMs: 1000, now: () => clock });
    let renders = 0;
    const render = async () => ({ page: page(`render ${++renders}`), keep: true });
    return { cache, render, renders: () => renders, advance: (ms: number) => (clock += ms) };
  }

  it("renders a page once for concurrent readers and serves it until the papers change", async () => {
    const { cache, render, renders } = setup();
    const first = await Promise.all([cache.serve("/", render), cache.serve("/", render), cache.serve("/", render)]);
    expect(first.map((result) => result.state)).toEqual(["miss", "miss", "miss"]);
    expect(renders()).toBe(1);
    expect((await cache.serve("/", render)).state).toBe("hit");
    expect(renders()).toBe(1);
  });

  it("after a change renders the page again for the next reader, but at most once per interval", async () => {
    const { cache, render, renders, advance } = setup();
    await cache.serve("/", render);
    advance(2000);
    cache.markChanged();
    const [first, second] = await Promise.all([cache.serve("/", render), cache.serve("/", render)]);
    expect(first).toMatchObject({ state: "miss", page: { body: Buffer.from("render 2") } });
    // Asked while the new render was under way: the old page, at once.
    expect(second).toMatchObject({ state: "stale", page: { body: Buffer.from("render 1") } });
    expect(renders()).toBe(2);
    expect(await cache.serve("/", render)).toMatchObject({ state: "hit", page: { body: Buffer.from("render 2") } });

    // A burst of changes within the interval: the page rendered just now, no render storm.
    cache.markChanged();
    for (let i = 0; i < 5; i += 1) expect((await cache.serve("/", render)).state).toBe("stale");
    expect(renders()).toBe(2);
    advance(1000);
    expect(await cache.serve("/", render)).toMatchObject({ state: "miss", page: { body: Buffer.from("render 3") } });
  });

  it("past the longest age serves the page while one render replaces it; past the stale limit waits; keeps to its memory", async () => {
    const { cache, render, renders, advance } = setup();
    await cache.serve("/", render);
    advance(60_000);
    expect(await cache.serve("/", render)).toMatchObject({ state: "stale", page: { body: Buffer.from("render 1") } });
    await Promise.resolve();
    expect(renders()).toBe(2);
    expect(await cache.serve("/", render)).toMatchObject({ state: "hit", page: { body: Buffer.from("render 2") } });
    advance(600_001);
    expect((await cache.serve("/", render)).state).toBe("miss");
    for (let index = 0; index < 70; index += 1) await cache.serve(`/p${index}`, render);
    expect(cache.size.bytes).toBeLessThanOrEqual(1000);
    expect(renders()).toBeGreaterThan(60);
  });

  it("does not keep answers the render declines (a 404), sends them once, and lets the next request try again", async () => {
    const { cache } = setup();
    let calls = 0;
    const notFound = page("not found");
    const declined = async () => {
      calls += 1;
      return { page: notFound, keep: false };
    };
    expect(await cache.serve("/missing", declined)).toEqual({ state: "miss", page: notFound });
    expect(await cache.serve("/missing", declined)).toEqual({ state: "miss", page: notFound });
    expect(calls).toBe(2);
    expect(cache.peek("/missing")).toBeNull();
  });

  it("keeps the last page of a key to fall back on, however old", async () => {
    const { cache, render, advance } = setup();
    await cache.serve("/", render);
    advance(10 * 600_000);
    expect(cache.peek("/")?.body).toEqual(Buffer.from("render 1"));
  });
});
