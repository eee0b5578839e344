import { expect, it } from "vitest";
import { consumeRateLimit } from "@/server/http/rate-limit";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const rule = { limit: 5, windowMs: 60_000 };

it("counts exactly the limit when many requests race, and says when the window frees up", async () => {
  const now = new Date("2026-06-17T10:00:00.000Z");
  const results = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(t.db, "race:key", rule, now)));
  expect(results.filter((result) => result.allowed)).toHaveLength(5);
  expect(results.filter((result) => !result.allowed).every((result) => result.retryAfterSeconds === 60)).toBe(true);
  expect(await t.db.rateLimitEvent.count({ where: { key: "race:key" } })).toBe(5);

  // 45 seconds later the oldest event leaves the window in 15; after it, one more is allowed.
  expect(await consumeRateLimit(t.db, "race:key", rule, new Date(now.getTime() + 45_000))).toEqual({
    allowed: false,
    retryAfterSeconds: 15,
  });
  expect((await consumeRateLimit(t.db, "race:key", rule, new Date(now.getTime() + 60_001))).allowed).toBe(true);
  expect(await t.db.rateLimitEvent.count({ where: { key: "race:key" } })).toBe(1);
  // Other keys are counted on their own.
  expect((await consumeRateLimit(t.db, "other:key", rule, now)).allowed).toBe(true);
});
