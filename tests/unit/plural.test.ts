import { expect, it } from "vitest";
import { countOf } from "@/lib/plural";

it("says 1 comment, 0 comments and 1,234 comments", () => {
  expect(countOf(1, "comment", "comments")).toBe("1 comment");
  expect(countOf(0, "comment", "comments")).toBe("0 comments");
  expect(countOf(1234, "upvote", "upvotes")).toBe("1,234 upvotes");
});
