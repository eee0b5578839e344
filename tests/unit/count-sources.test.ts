import { describe, expect, it } from "vitest";
import { countWithSources, sourcesNote } from "@/lib/count-sources";

describe("countWithSources", () => {
  it("reads as a count, then where it comes from", () => {
    expect(countWithSources(74, 0, "upvote", "upvotes")).toBe("74 upvotes (74 on Hugging Face)");
    expect(countWithSources(74, 1, "upvote", "upvotes")).toBe("75 upvotes (74 on Hugging Face, 1 here)");
    expect(countWithSources(1, 0, "comment", "comments")).toBe("1 comment (1 on Hugging Face)");
    expect(countWithSources(1200, 34, "upvote", "upvotes")).toBe("1,234 upvotes (1,200 on Hugging Face, 34 here)");
  });

  it("says nothing of sources when every one is from here", () => {
    expect(countWithSources(0, 3, "comment", "comments")).toBe("3 comments");
    expect(countWithSources(0, 1, "upvote", "upvotes")).toBe("1 upvote");
    expect(countWithSources(0, 0, "upvote", "upvotes")).toBe("0 upvotes");
    expect(sourcesNote(0, 5)).toBe("");
  });
});
