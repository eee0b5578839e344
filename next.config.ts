import type { NextConfig } from "next";

// Sent on every response; the Content-Security-Policy (with a per-request nonce) is set in src/proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // The cached paper queries' in-memory layer (50 MB by default, on the V8 heap). Signed-out readers
  // are served by the page cache in front, so the hot queries are few and small; a crawler's misses
  // would only fill it with queries asked once. The budget: docs/performance.md, "Memory".
  cacheMaxMemorySize: 16 * 1024 * 1024,
  // The proxy then sees the URL the server was asked for (its real host and port). Otherwise it sees
  // `localhost` when the server listens on a named address (`next start -H`), and its rewrites to
  // the 404 page would name another origin, which Next.js fetches as an external URL.
  skipProxyUrlNormalize: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
