// The production server under load and failure: a full render queue answers 503 at once, a client
// over its budget 429, a killed server process is replaced, a database restart gives 503s (never
// 500s), and SIGTERM lets the requests under way finish.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { env } from "@/env";
import { startAppServer, type AppServer } from "../../scripts/lib/app-server";
import { startTcpProxy } from "../support/tcp-proxy";

async function paperIds(count: number): Promise<string[]> {
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(`SELECT "id" FROM "Paper" WHERE "hiddenAt" IS NULL ORDER BY "id" LIMIT $1`, [count]);
    return rows.map((row) => row.id);
  } finally {
    await db.end();
  }
}

const get = (server: AppServer, path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseURL}${path}`, { headers, redirect: "manual" });

/** The pid of the server process serving requests (the supervisor's child), from its start-up line. */
function servingPids(server: AppServer): string[] {
  return [...server.log().matchAll(/listening on \S+ \(process (\d+)/g)].map((match) => match[1]!);
}

test("a full render queue answers 503 with Retry-After at once, cached pages are still served, and it recovers", async () => {
  const server = await startAppServer({ env: { RENDER_CONCURRENCY: "1", RENDER_QUEUE: "0" } });
  try {
    const ids = await paperIds(24);
    const cached = await get(server, `/papers/${ids[0]}`);
    expect(cached.status).toBe(200);
    const burst = await Promise.all(ids.slice(1).map((id) => get(server, `/papers/${id}`)));
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    const refused = burst.find((response) => response.status === 503)!;
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.text()).toContain("very busy");
    // While renders are refused, a page already in the cache is still answered from it.
    const during = await Promise.all([...ids.slice(1, 12).map((id) => get(server, `/papers/${id}?x=1`)), get(server, `/papers/${ids[0]}`)]);
    expect(during.at(-1)!.status).toBe(200);
    // The load gone, every page renders again.
    for (const id of ids.slice(1, 4)) expect((await get(server, `/papers/${id}`)).status).toBe(200);
    expect(server.log()).not.toMatch(/heap out of memory/i);
  } finally {
    await server.stop();
  }
});

test("a reader who leaves while waiting for a render slot does not keep the slot", async () => {
  const server = await startAppServer({
    pageCacheMb: 0,
    env: { RENDER_CONCURRENCY: "1", RENDER_QUEUE: "20", RENDER_QUEUE_WAIT_MS: "60000" },
  });
  try {
    const ids = await paperIds(8);
    const first = get(server, `/papers/${ids[0]}`);
    // These wait behind the first render, then their readers give up.
    const leaving = ids
      .slice(1, 7)
      .map((id) => fetch(`${server.baseURL}/papers/${id}`, { signal: AbortSignal.timeout(30) }).catch(() => null));
    await Promise.all(leaving);
    expect((await first).status).toBe(200);
    const next = await fetch(`${server.baseURL}/papers/${ids[7]}`, { signal: AbortSignal.timeout(10_000) });
    expect(next.status).toBe(200);
  } finally {
    await server.stop();
  }
});

test("a client asking for more uncached pages than its budget gets 429 with Retry-After; others are served", async () => {
  // Behind one trusted proxy, so that X-Forwarded-For can stand for two clients.
  const server = await startAppServer({ env: { CLIENT_RENDERS_PER_SECOND: "1", TRUST_PROXY: "1", NODE_OPTIONS: "" } });
  try {
    const ids = await paperIds(11);
    const crawler = { "x-forwarded-for": "203.0.113.7" };
    const burst = await Promise.all(ids.slice(0, 10).map((id) => get(server, `/papers/similar/${id}`, crawler)));
    // A burst of four renders, then one a second.
    expect(burst.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 429, 429, 429, 429, 429, 429]);
    const limited = burst.find((response) => response.status === 429)!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.text()).toContain("slow down");
    // Another reader is not held back by the crawler.
    expect((await get(server, `/papers/similar/${ids[10]}`, { "x-forwarded-for": "198.51.100.4" })).status).toBe(200);
    // Pages in the cache cost no render: the crawler still gets those.
    const rendered = ids[burst.findIndex((response) => response.status === 200)];
    expect((await get(server, `/papers/similar/${rendered}`, crawler)).status).toBe(200);
  } finally {
    await server.stop();
  }
});

test("a killed server process is replaced and the site answers again within 5 seconds", async () => {
  const server = await startAppServer();
  try {
    const [first] = servingPids(server);
    expect(first).toBeDefined();
    process.kill(Number(first), "SIGKILL");
    const killedAt = Date.now();
    let answered = false;
    while (!answered && Date.now() - killedAt < 5000) {
      // A connection the dead process had accepted never answers: give each try a second.
      answered = await fetch(`${server.baseURL}/api/health`, { signal: AbortSignal.timeout(1000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (!answered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answered, "the site answered within 5 s of the kill").toBe(true);
    expect(servingPids(server).at(-1)).not.toBe(first);
  } finally {
    await server.stop();
  }
});

test("while the database restarts, pages and the API answer 503 with Retry-After, never 500, then recover", async () => {
  const databaseUrl = new URL(env.DATABASE_URL!);
  const proxy = await startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port) });
  const viaProxy = new URL(databaseUrl);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  const server = await startAppServer({ databaseUrl: viaProxy.toString(), pageCacheMb: 0 });
  try {
    const [id] = await paperIds(1);
    expect((await get(server, `/papers/${id}`)).status).toBe(200);
    proxy.cut();
    const during: Response[] = [];
    for (const path of [`/papers/${id}`, `/api/papers/${id}`, "/papers?q=learning", `/papers/${id}`]) {
      during.push(await get(server, path));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(during.map((response) => response.status)).toEqual([503, 503, 503, 503]);
    for (const response of during) expect(response.headers.get("retry-after")).toBe("5");
    proxy.restore();
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = (await get(server, `/papers/${id}`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
  } finally {
    await server.stop();
    await proxy.close();
  }
});

test("SIGTERM lets the requests under way finish before the server exits", async () => {
  const server = await startAppServer({ pageCacheMb: 0 });
  const pending = get(server, "/papers/trending");
  await new Promise((resolve) => setTimeout(resolve, 20));
  const [pid] = servingPids(server);
  process.kill(Number(pid), "SIGTERM");
  expect((await pending).status).toBe(200);
  await server.stop();
});
