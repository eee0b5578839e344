import { describe, expect, it } from "vitest";
import { pageSubject } from "@/lib/page-subject";

const subjectOf = (path: string) => pageSubject(path.split("/").filter(Boolean));

describe("pageSubject", () => {
  it("names the organization, period or paper a page address is about", () => {
    expect(subjectOf("/orgs/nvidia")).toEqual({ type: "organization", name: "nvidia" });
    expect(subjectOf("/authors/Ada Lovelace")).toEqual({ type: "author", name: "Ada Lovelace" });
    expect(subjectOf("/papers/date/2026-13-45")).toEqual({ type: "period", kind: "date", key: "2026-13-45" });
    expect(subjectOf("/papers/week/2026-W60")).toEqual({ type: "period", kind: "week", key: "2026-W60" });
    expect(subjectOf("/papers/2401.00001")).toEqual({ type: "paper", text: "2401.00001" });
    expect(subjectOf("/papers/hep-th/9901001")).toEqual({ type: "paper", text: "hep-th/9901001" });
    expect(subjectOf("/papers/similar/2401.00001")).toEqual({ type: "paper", text: "2401.00001" });
    expect(subjectOf("/papers/similar/hep-th/9901001")).toEqual({ type: "paper", text: "hep-th/9901001" });
  });

  it("leaves other routes and deeper addresses alone", () => {
    for (const path of [
      "/",
      "/papers",
      "/papers/trending",
      "/papers/for-you",
      "/papers/similar",
      "/papers/feed.xml",
      "/orgs/nvidia/feed.xml",
      "/papers/date",
      "/papers/date/2026-06-01/x",
      "/about/ranking",
    ]) {
      expect(subjectOf(path), path).toBeNull();
    }
    expect(pageSubject(["orgs", null])).toBeNull();
  });
});
