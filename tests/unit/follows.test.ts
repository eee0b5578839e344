import { expect, it } from "vitest";
import { followRequestSchema } from "@/lib/follows";

it("refuses a follow value with a NUL or another control character, naming the problem", () => {
  for (const value of ["diff\u0000usion", "a\u0007b", "lone \ud800 surrogate"]) {
    const result = followRequestSchema.safeParse({ kind: "TOPIC", value, mode: "follow" });
    expect(result.success, JSON.stringify(value)).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/control character/);
  }
  expect(followRequestSchema.safeParse({ kind: "TOPIC", value: "diffusion models", mode: "follow" }).success).toBe(true);
});
