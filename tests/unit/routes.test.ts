import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { markdownRenditionPath, matchRoute, pageSubject, pageSubjects, ROUTES } from "@/edge/routes";

const APP = join(import.meta.dirname, "..", "..", "src", "app");

/** Every page and route handler under src/app, as the route pattern its folder spells. */
function appRoutes(folder = APP): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return appRoutes(join(folder, entry.name));
    if (!/^(?:page\.tsx|route\.ts)$/.test(entry.name)) return [];
    const segments = relative(APP, folder)
      .split(sep)
      .filter(Boolean)
      // Route groups `(name)` do not appear in the URL.
      .filter((segment) => !/^\(.*\)$/.test(segment));
    return [`/${segments.join("/")}`];
  });
}

const subjectOf = (path: string) => pageSubject(path.split("/").filter(Boolean));
const patternOf = (path: string) => matchRoute(path.split("/").filter(Boolean))?.route.pattern ?? null;

describe("the route table", () => {
  it("lists every page and route handler under src/app, once, and nothing else", () => {
    const table = ROUTES.map((route) => route.pattern);
    expect(new Set(table).size, "a pattern is listed twice").toBe(table.length);
    expect([...table].sort()).toEqual([...new Set(appRoutes())].sort());
  });

  it("picks the route Next.js picks: static segments before dynamic ones before catch-alls", () => {
    expect(patternOf("/")).toBe("/");
    expect(patternOf("/papers/trending")).toBe("/papers/trending");
    expect(patternOf("/papers/2401.00001")).toBe("/papers/[...id]");
    expect(patternOf("/papers/hep-th/9901001")).toBe("/papers/[...id]");
    expect(patternOf("/papers/date/2026-06-01")).toBe("/papers/date/[date]");
    expect(patternOf("/papers/date")).toBe("/papers/date");
    expect(patternOf("/papers/similar/hep-th/9901001")).toBe("/papers/similar/[...id]");
    expect(patternOf("/papers/for-you/abc/feed.xml")).toBe("/papers/for-you/[token]/feed.xml");
    expect(patternOf("/orgs/nvidia/feed.json")).toBe("/orgs/[name]/feed.json");
    expect(patternOf("/api/papers/2401.00001/upvote")).toBe("/api/papers/[id]/upvote");
    expect(patternOf("/api/papers/search")).toBe("/api/papers/search");
    expect(patternOf("/papers/category/cs.CL")).toBe("/papers/category/[cat]");
    expect(patternOf("/papers/category/cs/week/2026-W24")).toBe("/papers/category/[cat]/week/[week]");
    expect(patternOf("/papers/category/cs.CL/feed.xml")).toBe("/papers/category/[cat]/feed.xml");
    expect(patternOf("/papers/keyword/diffusion models/trending")).toBe("/papers/keyword/[keyword]/trending");
    expect(patternOf("/md/papers/hep-th/9901001")).toBe("/md/papers/[...id]");
    expect(patternOf("/md/papers/date/2026-06-16")).toBe("/md/papers/date/[date]");
    expect(patternOf("/orgs")).toBeNull();
    expect(patternOf("/no/such/route")).toBeNull();
  });
});

describe("markdownRenditionPath", () => {
  it("sends a page's `.md` address to the route under /md/ that renders it, and nothing else", () => {
    expect(markdownRenditionPath("/papers/2401.00001.md")).toBe("/md/papers/2401.00001");
    expect(markdownRenditionPath("/papers/hep-th/9901001.md")).toBe("/md/papers/hep-th/9901001");
    expect(markdownRenditionPath("/papers/hep-th%2F9901001.md")).toBe("/md/papers/hep-th%2F9901001");
    expect(markdownRenditionPath("/papers/date/2026-06-16.md")).toBe("/md/papers/date/2026-06-16");
    for (const path of ["/papers/2401.00001", "/papers/.md", "/orgs/nvidia.md", "/md/papers/2401.00001.md", "/README.md", "/llms.txt"]) {
      expect(markdownRenditionPath(path), path).toBeNull();
    }
  });
});

describe("pageSubject", () => {
  it("names the organization, period or paper a page address is about", () => {
    expect(subjectOf("/orgs/nvidia")).toEqual({ type: "organization", key: "nvidia" });
    expect(subjectOf("/authors/Ada Lovelace")).toEqual({ type: "author", key: "Ada Lovelace" });
    expect(subjectOf("/users/ada")).toEqual({ type: "user", key: "ada" });
    expect(subjectOf("/papers/date/2026-13-45")).toEqual({ type: "date", key: "2026-13-45" });
    expect(subjectOf("/papers/week/2026-W60")).toEqual({ type: "week", key: "2026-W60" });
    expect(subjectOf("/papers/2401.00001")).toEqual({ type: "paper", key: "2401.00001" });
    expect(subjectOf("/papers/hep-th/9901001")).toEqual({ type: "paper", key: "hep-th/9901001" });
    expect(subjectOf("/papers/similar/2401.00001")).toEqual({ type: "paper", key: "2401.00001" });
    expect(subjectOf("/papers/similar/hep-th/9901001")).toEqual({ type: "paper", key: "hep-th/9901001" });
    // Deeper than any period route: only the paper route takes it, and no paper has that id.
    expect(subjectOf("/papers/date/2026-06-01/x")).toEqual({ type: "paper", key: "date/2026-06-01/x" });
  });

  it("names both subjects of a category's or keyword's period, category first", () => {
    const subjectsOf = (path: string) => pageSubjects(path.split("/").filter(Boolean));
    expect(subjectsOf("/papers/category/cs.CL")).toEqual([{ type: "category", key: "cs.CL" }]);
    expect(subjectsOf("/papers/category/cs.CL/date/2026-06-10")).toEqual([
      { type: "category", key: "cs.CL" },
      { type: "date", key: "2026-06-10" },
    ]);
    expect(subjectsOf("/papers/keyword/diffusion models/month/2026-13")).toEqual([
      { type: "keyword", key: "diffusion models" },
      { type: "month", key: "2026-13" },
    ]);
    expect(subjectOf("/papers/category/xx.YY/trending")).toEqual({ type: "category", key: "xx.YY" });
    // Feeds answer their own 404s; they are not pages.
    expect(subjectsOf("/papers/category/xx.YY/feed.xml")).toEqual([]);
  });

  it("gives every route that names subjects one per dynamic segment", () => {
    for (const route of ROUTES.filter((candidate) => candidate.exists)) {
      const dynamic = route.pattern.split("/").filter((segment) => segment.startsWith("[")).length;
      expect(typeof route.exists === "string" ? 1 : route.exists!.length, route.pattern).toBe(dynamic);
    }
  });

  it("leaves routes that name nothing alone", () => {
    for (const path of [
      "/",
      "/papers",
      "/papers/trending",
      "/papers/for-you",
      "/papers/feed.xml",
      "/orgs/nvidia/feed.xml",
      "/papers/date",
      "/about/ranking",
      "/no-such-page",
    ]) {
      expect(subjectOf(path), path).toBeNull();
    }
    expect(pageSubject(["orgs", null])).toBeNull();
  });
});
