import { describe, expect, it } from "vitest";
import { robotsTxt } from "@/server/sitemaps/robots-handler";

const SITE_URL = "https://papers.example";
const text = robotsTxt(SITE_URL);

// Google's and Bing's reading of robots.txt (RFC 9309, `*` for any text): the longest pattern
// that matches the path and query wins, and Allow wins a tie.
function allowed(url: string): boolean {
  const rules = text
    .split("\n")
    .map((line) => /^(Allow|Disallow):\s*(\S+)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, kind, pattern]) => ({ allow: kind === "Allow", pattern: pattern! }));
  const matches = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}`).test(url);
  const best = rules
    .filter((rule) => matches(rule.pattern))
    .sort((a, b) => b.pattern.length - a.pattern.length || Number(b.allow) - Number(a.allow))[0];
  return best?.allow ?? true;
}

describe("robots.txt", () => {
  it("names the sitemap index by its absolute address", () => {
    expect(text).toContain(`\nSitemap: ${SITE_URL}/sitemap.xml\n`);
    expect(text).toMatch(/^# .*\nUser-agent: \*\n/);
  });

  it("lets crawlers at papers, lists and the sitemaps", () => {
    for (const url of [
      "/",
      "/papers/2606.01234",
      "/papers/hep-th/9901001",
      "/papers/trending",
      "/papers/date/2026-06-01",
      "/papers/week/2026-W23",
      "/papers/month/2026-06",
      "/orgs/nvidia",
      "/authors/Ada%20Lovelace",
      "/users/ada",
      "/about/ranking",
      "/papers/feed.xml",
      "/sitemap.xml",
      "/sitemaps/papers/2026-01-05_latest.xml",
    ]) {
      expect(allowed(url), url).toBe(true);
    }
  });

  it("keeps them off search, sorts, cursors, the API and pages of one reader", () => {
    for (const url of [
      "/papers?q=diffusion",
      "/papers/search/feed.xml?q=diffusion",
      "/api/papers/search?q=diffusion",
      "/api/daily_papers",
      "/papers/date/2026-06-01?sort=upvotes",
      "/?sort=newest",
      "/papers/trending?cursor=abc",
      "/orgs/nvidia?cursor=abc",
      "/papers/week/2026-W23?sort=trending&cursor=abc",
      "/papers/2606.01234?cpage=2",
      "/papers/2606.01234?comments=newest",
      "/papers/for-you",
      "/papers/similar/2606.01234",
      "/me",
      "/me/library",
      "/admin",
      "/auth/signin",
      "/preferences/token",
      "/unsubscribe/token",
    ]) {
      expect(allowed(url), url).toBe(false);
    }
  });
});
