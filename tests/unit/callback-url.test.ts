import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeCallbackUrl } from "@/lib/callback-url";
import { formatWait } from "@/lib/durations";

const SITE = "https://papers.example.org";

describe("safeCallbackUrl", () => {
  it.each([
    ["/me", `${SITE}/me`],
    ["/papers/2401.00001?x=1#top", `${SITE}/papers/2401.00001?x=1#top`],
    [`${SITE}/submit`, `${SITE}/submit`],
  ])("keeps same-origin %j", (value, expected) => {
    expect(safeCallbackUrl(value, SITE)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "http://papers.example.org/",
    "https://papers.example.org.evil.example/",
    "http://[::1",
    "/\nLocation: https://evil.example",
    "",
    undefined,
    ["/me"],
    "/".repeat(3000),
  ])("falls back to the home page for %j", (value) => {
    expect(safeCallbackUrl(value, SITE)).toBe(`${SITE}/`);
  });

  it("gives the path for in-app links", () => {
    expect(safeCallbackPath(`${SITE}/me?tab=1`, SITE)).toBe("/me?tab=1");
    expect(safeCallbackPath("https://evil.example/me", SITE)).toBe("/");
  });

  it.each([
    ["/.//evil.example", "/evil.example"],
    ["/a/..//evil.example/x?y=1", "/evil.example/x?y=1"],
    ["/%2e//evil.example", "/evil.example"],
    ["///evil.example", "/"],
  ])("never gives a protocol-relative path for %j", (value, expected) => {
    const path = safeCallbackPath(value, SITE);
    expect(path).toBe(expected);
    expect(new URL(path, SITE).origin).toBe(SITE);
  });
});

describe("formatWait", () => {
  it.each([
    [0.2, "1 second"],
    [42, "42 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
    [3599, "60 minutes"],
    [3600, "1 hour"],
    [7201, "3 hours"],
  ])("%d seconds reads %j", (seconds, expected) => {
    expect(formatWait(seconds)).toBe(expected);
  });
});
