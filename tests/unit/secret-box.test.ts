import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "@/server/channels/secret-box";

const KEY = randomBytes(32).toString("base64");
const SECRET = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX";

describe("channel secrets at rest", () => {
  it("open with the key they were sealed with, and never show the secret sealed", () => {
    const sealed = sealSecret(SECRET, KEY);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain("hooks.slack.com");
    expect(openSecret(sealed, KEY)).toBe(SECRET);
    // A fresh IV each time: the same secret seals differently.
    expect(sealSecret(SECRET, KEY)).not.toBe(sealed);
  });

  it("refuse another key, an altered value, a truncated one and an unknown format", () => {
    const sealed = sealSecret(SECRET, KEY);
    expect(() => openSecret(sealed, randomBytes(32).toString("base64"))).toThrow(/does not open/);
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => openSecret(`v1.${raw.toString("base64")}`, KEY)).toThrow(/does not open/);
    expect(() => openSecret("v1.AAAA", KEY)).toThrow(/truncated/);
    expect(() => openSecret(SECRET, KEY)).toThrow(/known sealed format/);
    expect(() => sealSecret(SECRET, "c2hvcnQ=")).toThrow(/32 bytes/);
  });
});
