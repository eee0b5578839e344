import { expect, test } from "@playwright/test";
import pg from "pg";
import { env } from "@/env";
import { startAppServer, type AppServer } from "../../scripts/lib/app-server";
import { toolingEnv } from "../../scripts/lib/tooling-env";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";

let server: AppServer;
let sink: TestSmtpServer;

test.beforeAll(async () => {
  sink = await startTestSmtpServer({ port: toolingEnv.E2E_SMTP_PORT });
  server = await startAppServer();
});

/** Subscription limits spent and subscribers added by this file, gone (the database is shared by every spec). */
async function forgetSubscriptions() {
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  await db.query(`DELETE FROM "RateLimitEvent" WHERE key LIKE 'subscribe:%'`);
  await db.query(`DELETE FROM "Subscriber" WHERE email LIKE 'rotating-%@example.com'`);
  await db.end();
}

test.afterAll(async () => {
  await server?.stop();
  await sink?.close();
  await forgetSubscriptions();
});

// Malformed escapes, a NUL, an encoded lone surrogate, CR/LF, path tricks and a very long segment.
const HOSTILE_SEGMENTS = [
  "%",
  "%E0%A4%A",
  "%FF",
  "abc%00",
  "%00",
  "%ED%A0%80",
  "%uD800",
  "%0D%0ASet-Cookie:%20x=1",
  "..%2F..%2Fetc",
  "<script>",
  "a".repeat(5000),
];

const ROUTES: { method: "GET" | "POST"; path: (segment: string) => string }[] = [
  { method: "GET", path: (s) => `/papers/${s}` },
  { method: "GET", path: (s) => `/papers/hep-th/${s}` },
  { method: "GET", path: (s) => `/papers/date/${s}` },
  { method: "GET", path: (s) => `/papers/week/${s}` },
  { method: "GET", path: (s) => `/papers/month/${s}` },
  { method: "GET", path: (s) => `/orgs/${s}` },
  { method: "GET", path: (s) => `/orgs/${s}/feed.xml` },
  { method: "GET", path: (s) => `/orgs/${s}/feed.json` },
  { method: "GET", path: (s) => `/preferences/${s}` },
  { method: "GET", path: (s) => `/unsubscribe/${s}` },
  { method: "GET", path: (s) => `/api/papers/${s}` },
  { method: "POST", path: (s) => `/api/papers/${s}/upvote` },
  { method: "GET", path: (s) => `/api/unsubscribe/${s}` },
  { method: "POST", path: (s) => `/api/unsubscribe/${s}` },
  { method: "POST", path: (s) => `/api/preferences/${s}` },
  { method: "GET", path: (s) => `/api/auth/${s}` },
];

test("hostile path segments on every dynamic route get a 4xx with the site's own page or a JSON error, never a 5xx or a stack trace", async ({
  request,
}) => {
  const failures: string[] = [];
  for (const route of ROUTES) {
    for (const segment of HOSTILE_SEGMENTS) {
      const url = `${server.baseURL}${route.path(segment)}`;
      const response = await request.fetch(url, { method: route.method, maxRedirects: 0, headers: { origin: server.baseURL } });
      const status = response.status();
      const body = await response.text();
      const shown = `${route.method} ${route.path(segment).slice(0, 80)}`;
      if (status >= 500) failures.push(`${shown}: ${status}`);
      else if (status >= 400 && /^\/api\/|\/feed\.(xml|json)$/.test(route.path(segment))) {
        if (!/^application\/json/.test(response.headers()["content-type"] ?? "")) failures.push(`${shown}: ${status} without a JSON error`);
      } else if (status >= 400 && !body.includes("Daily Papers")) failures.push(`${shown}: ${status} without the site's page`);
    }
  }
  expect(failures).toEqual([]);
  expect(server.log()).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)|Prisma|Error:/);
});

// A list route of each kind: pages (through the page cache), feeds and the API.
const LIST_PATHS = [
  "/",
  "/papers/date/2026-06-16",
  "/papers/trending",
  "/papers/category/cs.CL/week/2026-W25",
  "/orgs/nvidia",
  "/papers?q=diffusion",
  "/papers/feed.xml",
  "/papers/category/cs/feed.json",
  "/api/daily_papers?date=2026-06-16",
  "/api/papers/search?q=diffusion",
];
const HOSTILE_FILTERS: [query: string, param: string][] = [
  ["cat=xx.YY", "cat"],
  [Array.from({ length: 1000 }, () => "not=cs.CV").join("&"), "not"],
  ["cat=cs.CL%00", "cat"],
  ["not=%E0%A4%A", "not"],
  ["code=%FF", "code"],
  ["min=1e9", "min"],
];

test("hostile list filters get a 400 naming the parameter on pages, feeds and the API, never a 5xx", async ({ request }) => {
  const failures: string[] = [];
  for (const path of LIST_PATHS) {
    for (const [query, param] of HOSTILE_FILTERS) {
      const url = `${server.baseURL}${path}${path.includes("?") ? "&" : "?"}${query}`;
      const response = await request.get(url, { maxRedirects: 0 });
      const body = await response.text();
      const shown = `${path} ${query.slice(0, 40)}`;
      if (response.status() !== 400) failures.push(`${shown}: ${response.status()}`);
      else if (/^\/api\/|\/feed\.(xml|json)$/.test(path.split("?")[0]!)) {
        const error = (JSON.parse(body) as { error?: { param?: string } }).error;
        if (error?.param !== param) failures.push(`${shown}: JSON error names ${error?.param}`);
      } else if (!body.includes(`<code>${param}</code> parameter is not valid`) || !body.includes("Show the list without filters"))
        failures.push(`${shown}: the page does not name ${param}`);
    }
  }
  expect(failures).toEqual([]);
  expect(server.log()).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)|Prisma|Error:/);
});

test("a server action called with a foreign Origin is refused with a 4xx, not a 500", async ({ request }) => {
  const response = await request.post(`${server.baseURL}/submit`, {
    headers: { origin: "https://evil.example", "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(response.status()).toBeLessThan(500);
});

test("a form posted without JavaScript from a foreign Origin gets a 400, and a 2 MB form a 413, not a 500", async ({ request }) => {
  // Without JavaScript a server action's form names the action in a field, not in a header.
  const form = (body: string) => ({ [`$ACTION_ID_${"0".repeat(40)}`]: "", body });
  const foreign = await request.post(`${server.baseURL}/papers/2606.11176`, {
    headers: { origin: "https://evil.example" },
    multipart: form("Hello from elsewhere"),
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(400);
  expect(await foreign.text()).toContain("only be sent from this site");

  const huge = await request.post(`${server.baseURL}/papers/2606.11176`, {
    headers: { origin: server.baseURL },
    multipart: form("x".repeat(2 * 1024 * 1024)),
    maxRedirects: 0,
  });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain("1 MB at most");
});

test("rotating X-Forwarded-For does not escape the per-IP limit when no proxy is trusted", async ({ request }) => {
  await forgetSubscriptions(); // earlier specs subscribed from this same address
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 21; attempt++) {
    const response = await request.post(`${server.baseURL}/api/subscriptions`, {
      headers: { "x-forwarded-for": `198.51.100.${attempt + 1}`, "x-real-ip": `198.51.100.${attempt + 1}` },
      data: { email: `rotating-${attempt}@example.com`, cadence: "daily" },
    });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 20).every((status) => status === 202)).toBe(true);
  expect(statuses[20]).toBe(429);
});
