import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";

const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();

describe("environment validation", () => {
  it("accepts a complete DKIM configuration, with the key on one line as a .env file holds it", () => {
    const env = parseEnv({ DKIM_DOMAIN: "papers.example.org", DKIM_SELECTOR: "dp1", DKIM_PRIVATE_KEY: pem.replaceAll("\n", "\\n") });
    expect(env.DKIM_PRIVATE_KEY).toBe(pem);
  });

  it("names what is missing when DKIM is half configured", () => {
    expect(() => parseEnv({ DKIM_DOMAIN: "papers.example.org" })).toThrow(
      /DKIM_SELECTOR: must be set with the other DKIM_\* variables[\s\S]*DKIM_PRIVATE_KEY: must be set/,
    );
  });

  it("refuses a key that is not a PEM private key", () => {
    expect(() => parseEnv({ DKIM_DOMAIN: "papers.example.org", DKIM_SELECTOR: "dp1", DKIM_PRIVATE_KEY: "not a key" })).toThrow(
      /DKIM_PRIVATE_KEY: is not a PEM private key/,
    );
  });

  it("takes CHANNEL_SECRET_KEY as 32 bytes of base64 only", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(parseEnv({ CHANNEL_SECRET_KEY: key }).CHANNEL_SECRET_KEY).toBe(key);
    expect(parseEnv({ CHANNEL_SECRET_KEY: "" }).CHANNEL_SECRET_KEY).toBeUndefined();
    expect(() => parseEnv({ CHANNEL_SECRET_KEY: Buffer.alloc(16).toString("base64") })).toThrow(
      /CHANNEL_SECRET_KEY.*openssl rand -base64 32/s,
    );
    expect(() => parseEnv({ CHANNEL_SECRET_KEY: "not base64 at all, but long enough to be 32 bytes?" })).toThrow(/CHANNEL_SECRET_KEY/);
  });

  it("reads TRUST_PROXY as a hop count", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });

  it("reads IMAGE_HOSTS as host names and refuses anything else", () => {
    expect(parseEnv({ IMAGE_HOSTS: " cdn.example.org, Images.Example.net " }).IMAGE_HOSTS).toEqual([
      "cdn.example.org",
      "images.example.net",
    ]);
    expect(() => parseEnv({ IMAGE_HOSTS: "https://cdn.example.org" })).toThrow(/IMAGE_HOSTS\.0: must be host names/);
    expect(() => parseEnv({ IMAGE_HOSTS: "cdn.example.org; img-src *" })).toThrow(/IMAGE_HOSTS/);
  });
});
