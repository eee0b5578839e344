import { describe, expect, it } from "vitest";
import { clientIp, hasSameOrigin } from "@/server/http/request-origin";

const SITE = "https://papers.example.org";

function post(headers: Record<string, string>) {
  return new Request("http://127.0.0.1:3000/api/papers/2401.00001/upvote", { method: "POST", headers });
}

describe("hasSameOrigin", () => {
  it("accepts the configured site and the host the request was addressed to", () => {
    expect(hasSameOrigin(post({ origin: SITE }), SITE, 0)).toBe(true);
    expect(hasSameOrigin(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), SITE, 0)).toBe(true);
  });

  it("ignores X-Forwarded-Host/-Proto unless a proxy is trusted", () => {
    const forged = post({
      origin: "https://evil.example",
      host: "127.0.0.1:3000",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(hasSameOrigin(forged, SITE, 0)).toBe(false);
    expect(hasSameOrigin(forged, SITE, 1)).toBe(true);
  });
});

describe("clientIp", () => {
  const headers = (forwardedFor: string) => new Headers({ "x-forwarded-for": forwardedFor });

  it("takes the address the nearest trusted proxy saw", () => {
    expect(clientIp(headers("203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientIp(headers("1.2.3.4, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(headers("1.2.3.4, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("says unknown rather than trusting a short chain", () => {
    expect(clientIp(headers(""), 0)).toBe("unknown");
    expect(clientIp(headers("10.0.0.2"), 2)).toBe("unknown");
  });
});
