import { describe, expect, it } from "vitest";
import { decodePathSegment, isUsablePath } from "@/lib/url-path";

describe("URL path screening", () => {
  it.each(["/papers/2401.00001", "/papers/hep-th/9901001", "/orgs/Caf%C3%A9%20Lab", "/papers/%F0%9F%A7%AA"])("accepts %s", (path) => {
    expect(isUsablePath(path)).toBe(true);
  });

  it.each(["/papers/%", "/papers/%E0%A4%A", "/orgs/%FF", "/orgs/abc%00", "/x/%ED%A0%80", "/x/%uD800", "/x/a%0Ab"])("refuses %s", (path) => {
    expect(isUsablePath(path)).toBe(false);
  });

  it("decodes a good segment and returns null for a bad one", () => {
    expect(decodePathSegment("Caf%C3%A9")).toBe("Café");
    expect(decodePathSegment("abc%00")).toBeNull();
    expect(decodePathSegment("%")).toBeNull();
  });
});
